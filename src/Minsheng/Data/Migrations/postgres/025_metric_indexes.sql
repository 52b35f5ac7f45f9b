-- 025: indexes for the unit metrics and the monthly assessment at a city's volume (bench: metrics table, ranking draft).
-- Every measure counts the items decided in a period. Timeline-based measures (满意率, 解决率, 重办率, 退单, 错退) start from
-- the entries of a few actions in the period; appeal-based ones (响应, 签收, 联系, 答复, 办结, 超期) ask that one of the
-- columns their decision time can take lies in the period. The deadlines were indexed in 003; these are the rest.
create index ix_timeline_entries_action_at on timeline_entries (action, at, appeal_id);
create index ix_appeals_claimed_at on appeals (claimed_at);
create index ix_appeals_contacted_at on appeals (contacted_at);
create index ix_appeals_replied_at on appeals (replied_at);
create index ix_appeals_closed_at on appeals (closed_at);
