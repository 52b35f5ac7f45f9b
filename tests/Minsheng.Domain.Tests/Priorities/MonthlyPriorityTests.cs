using Minsheng.Domain.Priorities;
using Shouldly;

namespace Minsheng.Domain.Tests.Priorities;

public class MonthlyPriorityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static MonthlyPriority Priority() =>
        new(1, "2026-11", "老旧小区供暖不热", "多个小区反映暖气不热", ["暖气, 供暖", "暖气"], "城关镇", 7, "排查管网、逐户测温", "analyst", Now);

    [Fact]
    public void Phrases_are_split_trimmed_and_distinct()
    {
        var p = Priority();
        p.Phrases.ShouldBe(["暖气", "供暖"]);
        p.Status.ShouldBe(PriorityStatus.Active);
    }

    [Fact]
    public void Missing_fields_are_all_named()
    {
        var e = Should.Throw<DomainValidationException>(() =>
            new MonthlyPriority(1, "2026/11", " ", "问题", [], null, 7, "", "analyst", Now));
        e.Errors.Keys.ShouldBe(["title", "measures", "month", "keyPhrases"], ignoreOrder: true);
    }

    [Fact]
    public void Milestones_complete_once_and_a_completed_priority_takes_no_more_work()
    {
        var p = Priority();
        var m = p.AddMilestone("完成管网排查", new DateOnly(2026, 11, 15));
        p.CompleteMilestone(m.Id, "排查 12 处", Now);
        m.DoneAt.ShouldBe(Now);
        Should.Throw<PriorityStateException>(() => p.CompleteMilestone(m.Id, null, Now));
        p.Report("已维修 8 处", 7, "handler", Now);
        p.Complete("投诉明显减少", Now);
        Should.Throw<PriorityStateException>(() => p.Report("再报", 7, "handler", Now)).Message.ShouldContain("已办结");
        Should.Throw<PriorityStateException>(() => p.AddMilestone("x", new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_milestone_needs_a_due_date()
    {
        Should.Throw<DomainValidationException>(() => Priority().AddMilestone("节点", null)).Errors.Keys.ShouldBe(["dueOn"]);
    }

    [Fact]
    public void Publishing_twice_is_refused()
    {
        var p = Priority();
        p.Publish(Now);
        Should.Throw<PriorityStateException>(() => p.Publish(Now));
    }
}

public class VolumeComparisonTests
{
    private static PriorityMonth M(string s) => PriorityMonth.Parse(s);

    [Fact]
    public void Months_add_across_years() => M("2026-11").AddMonths(3).ShouldBe(M("2027-02"));

    [Fact]
    public void Before_uses_three_full_months_after_excludes_the_work_month_and_the_unfinished_one()
    {
        var series = TopicVolumeSeries((M("2026-06"), 40), (M("2026-07"), 12), (M("2026-08"), 9), (M("2026-09"), 9),
            (M("2026-10"), 50), (M("2026-11"), 3), (M("2026-12"), 5), (M("2027-01"), 100));
        var c = VolumeComparison.Compare(series, M("2026-10"), current: M("2027-01"));
        c.BeforeAverage.ShouldBe(10);
        c.AfterAverage.ShouldBe(4);
        c.AfterMonths.ShouldBe(2);
        c.ChangePercent.ShouldBe(-60);
        c.Verdict.ShouldBe("开展后月均 4 件，较开展前（月均 10 件）下降 60%。");
    }

    [Fact]
    public void No_full_month_after_says_so()
    {
        var c = VolumeComparison.Compare(TopicVolumeSeries((M("2026-10"), 6), (M("2026-11"), 2)), M("2026-11"), M("2026-11"));
        c.AfterAverage.ShouldBeNull();
        c.Verdict.ShouldContain("尚无完整月份");
    }

    [Fact]
    public void Bucketing_fills_empty_months_with_zero()
    {
        var s = VolumeComparison.Bucket([new DateOnly(2026, 9, 3), new DateOnly(2026, 9, 30), new DateOnly(2026, 11, 1)], M("2026-08"), M("2026-11"));
        s.Select(x => x.Appeals).ShouldBe([0, 2, 0, 1]);
    }

    private static IReadOnlyList<MonthCount> TopicVolumeSeries(params (PriorityMonth, int)[] rows) =>
        rows.Select(r => new MonthCount(r.Item1, r.Item2)).ToList();
}

public class ProactivePlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProactivePlan Heating(int month = 11, int day = 15, int remind = 30) =>
        new(1, "供暖季前管网检修", "入户测温、检修管网", ["暖气", "供暖"], 7, month, day, remind, "analyst", Now);

    [Fact]
    public void Reminds_once_inside_the_window_before_the_season()
    {
        var p = Heating();
        p.ReminderDue(new DateOnly(2026, 10, 15)).ShouldBeNull();
        p.ReminderDue(new DateOnly(2026, 10, 16)).ShouldBe(2026);
        p.MarkReminded(2026);
        p.ReminderDue(new DateOnly(2026, 10, 20)).ShouldBeNull();
        p.ReminderDue(new DateOnly(2027, 10, 16)).ShouldBe(2027);
    }

    [Fact]
    public void A_january_season_is_reminded_in_december_of_the_year_before()
    {
        var p = Heating(month: 1, day: 10, remind: 20);
        p.ReminderDue(new DateOnly(2026, 12, 25)).ShouldBe(2027);
        p.NextSeason(new DateOnly(2026, 12, 25)).ShouldBe(new DateOnly(2027, 1, 10));
    }

    [Fact]
    public void An_inactive_plan_is_not_reminded()
    {
        var p = Heating();
        p.SetActive(false);
        p.ReminderDue(new DateOnly(2026, 11, 1)).ShouldBeNull();
    }

    [Fact]
    public void Impossible_dates_and_windows_are_named()
    {
        var e = Should.Throw<DomainValidationException>(() =>
            new ProactivePlan(1, "防汛", "清淤", ["内涝"], 7, 2, 30, 0, "analyst", Now));
        e.Errors.Keys.ShouldBe(["seasonDay", "remindDaysBefore"], ignoreOrder: true);
    }
}
