-- Severity schemes, their levels (texts in English and Simplified Chinese), the working calendar
-- business-time targets are counted in, and the three presets taken from the seed documents.

CREATE TABLE severity_scheme
(
    code           VARCHAR(20)  NOT NULL PRIMARY KEY,
    position       INT          NOT NULL,
    name_en        VARCHAR(100) NOT NULL,
    name_zh        VARCHAR(100) NOT NULL,
    description_en VARCHAR(2000),
    description_zh VARCHAR(2000),
    -- TRUE for the one active scheme, NULL for every other: the UNIQUE constraint then allows at
    -- most one active scheme on H2 and PostgreSQL alike (NULLs never collide).
    active         BOOLEAN UNIQUE CHECK (active IS NULL OR active = TRUE)
);

CREATE TABLE severity_level
(
    scheme_code         VARCHAR(20)  NOT NULL REFERENCES severity_scheme (code),
    code                VARCHAR(20)  NOT NULL,
    level_rank          INT          NOT NULL,
    name_en             VARCHAR(100) NOT NULL,
    name_zh             VARCHAR(100) NOT NULL,
    definition_en       VARCHAR(2000),
    definition_zh       VARCHAR(2000),
    -- one example per line
    examples_en         VARCHAR(4000),
    examples_zh         VARCHAR(4000),
    response_amount     INT,
    response_unit       VARCHAR(20),
    resolution_amount   INT,
    resolution_unit     VARCHAR(20),
    audience_en         VARCHAR(500),
    audience_zh         VARCHAR(500),
    postmortem_required BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (scheme_code, code),
    UNIQUE (scheme_code, level_rank),
    CHECK ((response_amount IS NULL AND response_unit IS NULL) OR (response_amount > 0 AND response_unit IS NOT NULL)),
    CHECK ((resolution_amount IS NULL AND resolution_unit IS NULL) OR (resolution_amount > 0 AND resolution_unit IS NOT NULL))
);

-- The one working calendar (a single row, id = 1).
CREATE TABLE severity_calendar
(
    id           INT         NOT NULL PRIMARY KEY CHECK (id = 1),
    time_zone    VARCHAR(64) NOT NULL,
    working_days VARCHAR(40) NOT NULL,
    day_start    TIME        NOT NULL,
    day_end      TIME        NOT NULL
);

CREATE TABLE severity_holiday
(
    holiday_date DATE         NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL
);

INSERT INTO severity_calendar (id, time_zone, working_days, day_start, day_end)
VALUES (1, 'UTC', 'MON,TUE,WED,THU,FRI', TIME '09:00:00', TIME '18:00:00');

-- ---------------------------------------------------------------------------------------------
-- Preset P0–P3 (default, active): the incident response process (seed 000), response times also
-- in the fault handling manual (seed 004).
INSERT INTO severity_scheme (code, position, name_en, name_zh, description_en, description_zh, active)
VALUES ('P0-P3', 0, 'P0–P3 (by impact)', 'P0–P3（按影响分级）',
        'Four levels from the incident response process, graded with its decision tree: service fully down → P0; core function affected → P1; user experience degraded → P2; otherwise P3. A postmortem is mandatory for P0 and P1.',
        '事件响应流程的四级分级，按分类决策树判定：服务完全不可用 → P0；核心功能受影响 → P1；用户体验下降 → P2；否则 P3。P0/P1必须召开事后复盘会议。',
        TRUE);

INSERT INTO severity_level (scheme_code, code, level_rank, name_en, name_zh, definition_en, definition_zh,
                            examples_en, examples_zh, response_amount, response_unit, resolution_amount,
                            resolution_unit, audience_en, audience_zh, postmortem_required)
VALUES ('P0-P3', 'P0', 0, 'Emergency', '紧急事件',
        'Core service completely unavailable, affecting all users',
        '核心服务完全不可用，影响所有用户',
        'System completely down
Database not accessible
Serious data loss
Security vulnerability being exploited',
        '系统完全宕机
数据库不可访问
严重数据丢失
安全漏洞被利用',
        5, 'MINUTES', 1, 'HOURS',
        'Everyone involved + management', '所有相关人员 + 管理层', TRUE),
       ('P0-P3', 'P1', 1, 'High priority', '高优先级事件',
        'Core function affected, some users cannot use the service',
        '核心功能受影响，部分用户无法使用',
        'Key API responses time out
Some services unavailable
Severe data synchronisation delay
Error rate rising significantly',
        '关键API响应超时
部分服务不可用
数据同步延迟严重
错误率显著上升',
        15, 'MINUTES', 4, 'HOURS',
        'Technical team + product owner', '技术团队 + 产品负责人', TRUE),
       ('P0-P3', 'P2', 2, 'Medium priority', '中优先级事件',
        'Non-core function affected, user experience degraded',
        '非核心功能受影响，用户体验下降',
        'Secondary function misbehaving
Slight performance degradation
Monitoring alert fired
More errors in the logs',
        '次要功能异常
性能轻微下降
监控告警触发
日志错误增多',
        1, 'HOURS', 1, 'WORKING_DAYS',
        'Technical team', '技术团队', FALSE),
       ('P0-P3', 'P3', 3, 'Low priority', '低优先级事件',
        'Does not affect users; an issue that needs attention',
        '不影响用户，需要关注的问题',
        'Code quality issue
Missing documentation
Configuration improvement suggestion
Technical debt',
        '代码质量问题
文档缺失
配置优化建议
技术债务',
        1, 'WORKING_DAYS', 1, 'WEEKS',
        'Developers concerned', '相关开发人员', FALSE);

-- ---------------------------------------------------------------------------------------------
-- Preset P1–P4: the product fault rapid response process (seed 002), graded by the share of
-- users affected.
INSERT INTO severity_scheme (code, position, name_en, name_zh, description_en, description_zh, active)
VALUES ('P1-P4', 1, 'P1–P4 (by share of users affected)', 'P1–P4（按受影响用户比例分级）',
        'Four levels from the product fault rapid response process, graded by scope: 100% of users or core transactions → P1; 30%–100% → P2; under 30% → P3; no real business impact → P4. If the root cause is not clear within 30 minutes, escalate to a P1 response and bring in other departments (for example an architect).',
        '产品故障快速响应流程的四级分级，按影响范围判定：影响100%用户或核心交易 → P1；影响30%-100%用户 → P2；影响30%以下用户 → P3；无实际业务影响 → P4。若30分钟内无法明确根因，需升级为P1级响应，启动跨部门协同（如邀请架构师参与）。',
        NULL);

INSERT INTO severity_level (scheme_code, code, level_rank, name_en, name_zh, definition_en, definition_zh,
                            examples_en, examples_zh, response_amount, response_unit, resolution_amount,
                            resolution_unit, audience_en, audience_zh, postmortem_required)
VALUES ('P1-P4', 'P1', 0, 'Urgent', '紧急',
        'Core business completely interrupted; key user operations (such as login, payment) fail. Scope: 100% of users or core transactions.',
        '核心业务完全中断，用户关键操作（如登录、支付）无法进行。影响范围：影响100%用户或核心交易。',
        'User login fails
Payment flow interrupted
Key data abnormal (orders lost, user information mixed up)',
        '用户登录失败
支付流程中断
关键数据异常（如订单丢失、用户信息错乱）',
        15, 'MINUTES', 30, 'MINUTES',
        'Incident group (technical lead, operations engineer, development lead, product manager, customer service lead) + cross-department support (for example an architect)',
        '故障临时群（技术负责人、运维工程师、开发负责人、产品经理、客服主管）+ 跨部门协同（如架构师）', TRUE),
       ('P1-P4', 'P2', 1, 'Important', '重要',
        'An important function is abnormal, affecting core operations of some users (for example a specific module cannot be used). Scope: 30%–100% of users.',
        '重要功能异常，影响部分用户核心操作（如特定模块无法使用）。影响范围：影响30%-100%用户。',
        'A specific module cannot be used
Interface responses more than 3 times slower
Third-party interface (SMS, payment gateway) interrupted',
        '特定模块无法使用
接口响应超时3倍以上
第三方接口（如短信、支付网关）中断',
        30, 'MINUTES', 2, 'HOURS',
        'Incident group (technical lead, operations engineer, development lead, product manager, customer service lead)',
        '故障临时群（技术负责人、运维工程师、开发负责人、产品经理、客服主管）', TRUE),
       ('P1-P4', 'P3', 2, 'General', '一般',
        'A secondary function fails without affecting the core business (for example broken styles on a non-critical page). Scope: under 30% of users.',
        '次要功能故障，不影响核心业务（如非关键页面样式异常）。影响范围：影响30%以下用户。',
        'Broken styles on a non-critical page
A non-core function keeps failing for more than 2 hours',
        '非关键页面样式异常
非核心功能持续失效超过2小时',
        2, 'HOURS', 8, 'HOURS',
        'Incident group (technical lead, operations engineer, development lead, product manager, customer service lead)',
        '故障临时群（技术负责人、运维工程师、开发负责人、产品经理、客服主管）', FALSE),
       ('P1-P4', 'P4', 3, 'Minor', '轻微',
        'An experience problem (for example a wording mistake, an occasional failure of a non-core function). Scope: no real business impact. Handle and give a solution within 24 hours.',
        '体验问题（如文案错误、非核心功能偶发失效）。影响范围：无实际业务影响。24小时内处理并给出解决方案。',
        'Wording mistake
Occasional failure of a non-core function',
        '文案错误
非核心功能偶发失效',
        24, 'HOURS', NULL, NULL,
        'Technical lead, product manager', '技术负责人、产品经理', FALSE);

-- ---------------------------------------------------------------------------------------------
-- Preset L1–L4: the production fault handling rules (seed 003), graded by the consequence of the
-- failure. L3/L4 are fixed "in the next release", so they have no resolution clock.
INSERT INTO severity_scheme (code, position, name_en, name_zh, description_en, description_zh, active)
VALUES ('L1-L4', 2, 'L1–L4 (by severity of the fault)', 'L1–L4（按故障严重性分级）',
        'Four levels of production faults by their consequence: Critical, Major, Minor, Suggestion. Restore service and stop losses first rather than solving the problem completely; escalate at once when money is clearly being lost; escalate when the person in charge cannot solve it quickly.',
        '线上故障按严重性（失效后产生的后果）分为致命、严重、一般、提示四级。第一时间恢复系统、快速止损，而不是彻底解决问题；明显资金损失时，要第一时间升级；当前负责人不能短时间内解决问题，则必须进行升级处理。',
        NULL);

INSERT INTO severity_level (scheme_code, code, level_rank, name_en, name_zh, definition_en, definition_zh,
                            examples_en, examples_zh, response_amount, response_unit, resolution_amount,
                            resolution_unit, audience_en, audience_zh, postmortem_required)
VALUES ('L1-L4', 'L1', 0, 'Critical', '致命',
        'The system crashes and stops running, blocking users from continuing their work. The group or clients cannot work normally; users become seriously dissatisfied with the product, complain or give it up. Resolve immediately, fix within 1 hour.',
        '系统崩溃，停止运行，阻碍用户工作继续进行。群组或客户端不能正常工作；引起用户对产品严重不满意，造成投诉或放弃使用。立即解决，1小时内修复。',
        'Node start-up failure, node connection or consensus errors caused by the program, so the whole group cannot work
Console, SDK or other clients cannot be used
System crash, hang or illegal exit caused by the program
Endless loop, database deadlock, database connection error
Money lost because of a program problem
Security problems',
        '节点启动失败、因程序导致的节点连接异常、共识异常等导致整个群组不能正常工作
Console、SDK等客户端无法正常使用
由程序引起的系统崩溃、死机、程序非法退出
死循环、数据库发生死锁、与数据库连接错误
因程序问题造成资金损失等
安全类问题',
        5, 'MINUTES', 1, 'HOURS',
        'Operations, project manager, developers, testers, on-site users',
        '运维人员、项目经理、开发人员、测试人员、现场用户', TRUE),
       ('L1-L4', 'L2', 1, 'Major', '严重',
        'The main flow is blocked, seriously affecting the basic functions of the system. Fix within 24 hours.',
        '主流程不通，严重影响系统基本功能使用。24小时内修复。',
        'Node synchronisation errors caused by code
Some nodes abnormal because of code while the group still works
Program interface errors
Database save or call errors; tables, business rules or defaults lack integrity constraints
User information leaked or user data lost
A module cannot start or be called, conflicting program calls, out of memory and other stability or performance problems',
        '因代码问题引起的节点同步异常
因代码问题引起的部分节点异常但群组能正常工作
程序接口错误
数据库保存调用错误，数据库表、业务规则、缺省值未加完整性等约束条件
导致用户信息泄漏、用户数据丢失等问题
模块无法启动或调用、关联程序调用冲突、内存溢出等稳定性问题、性能问题',
        15, 'MINUTES', 24, 'HOURS',
        'Operations, project manager, developers, testers, on-site users',
        '运维人员、项目经理、开发人员、测试人员、现场用户', TRUE),
       ('L1-L4', 'L3', 2, 'Minor', '一般',
        'A function is not fully implemented but still usable; a menu has defects that do not affect the stability of the system. Basic functions are affected but there is a workaround; secondary functions or some scenarios have problems. Solve in the next release.',
        '功能没有完全实现但不影响使用，功能菜单存在缺陷但不会影响系统稳定性。影响系统基本功能使用，但有规避途径；影响次要功能实现或部分场景存在问题。下个版本解决。',
        'Nodes do not behave as expected in some scenarios
Console, SDK or other clients do not behave as expected in some scenarios
Console command parameters are not restricted
A secondary function is not fully implemented but still usable
Script errors
Long response or query times, boundary errors
Occasional problems that are not serious',
        '节点在某些场景下表现不符合预期
Console、SDK等客户端在某些场景下表现不符合预期
Console的命令参数未作相关限制
次要功能没有完全实现但不影响使用
脚本错误
响应时间较长、查询时间较长、边界错误等
不严重的概率性问题',
        1, 'WORKING_DAYS', NULL, NULL,
        'Operations, project manager, developers, testers', '运维人员、项目经理、开发人员、测试人员', FALSE),
       ('L1-L4', 'L4', 3, 'Suggestion', '提示',
        'A small error that inconveniences the operator without affecting any function; a suggestion for improvement. Try to solve it in the next release.',
        '较小错误，使操作者不方便，但不影响功能实现；建议优化类问题。尽量在下个版本解决。',
        'Typos or grammar mistakes in Console or SDK error messages
Unclear help text of a Console command
Untidy or irregular layout of Console command output
Irregular Console command input or output
Log message improvements
User experience problems, suggestions for improvement',
        'Console、SDK等错误提示信息等有错别字、语法错误
Console命令的帮助信息描述不清楚
Console命令的页面格式排版不整齐、不规范、不美观
Console命令输入输出不规范
日志中提示信息优化
用户体验问题、优化建议等',
        5, 'WORKING_DAYS', NULL, NULL,
        'Operations, project manager, developers, testers', '运维人员、项目经理、开发人员、测试人员', FALSE);
