using Minsheng.Domain.Assessment;
using Minsheng.Domain.Instructions;
using Shouldly;

namespace Minsheng.Domain.Tests.Assessment;

public class CycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 1, 0, 0, TimeSpan.Zero);

    private static AssessmentPeriod Draft() => new(1, "2026-10", "{}", Now);

    [Fact]
    public void A_month_goes_draft_contest_ruling_frozen_published()
    {
        var p = Draft();
        p.Status.ShouldBe(PeriodStatus.Draft);
        p.VisibleToUnits.ShouldBeFalse();
        p.OpenContest(new DateOnly(2026, 11, 7));
        p.MayContest(new DateOnly(2026, 11, 7)).ShouldBeTrue();
        p.MayContest(new DateOnly(2026, 11, 8)).ShouldBeFalse("the window has passed");
        p.CloseContest();
        p.MayContest(new DateOnly(2026, 11, 5)).ShouldBeFalse();
        p.MayRecompute.ShouldBeTrue("rulings are reflected before freezing");
        p.Freeze(0, "supervisor", Now);
        p.MayRecompute.ShouldBeFalse();
        p.Publish("supervisor", Now);
        p.Status.ShouldBe(PeriodStatus.Published);
    }

    [Fact]
    public void Freezing_needs_every_appeal_ruled_and_steps_cannot_be_skipped()
    {
        var p = Draft();
        Should.Throw<WorkflowConflictException>(() => p.Freeze(0, "s", Now));
        Should.Throw<WorkflowConflictException>(() => p.Publish("s", Now));
        p.OpenContest(new DateOnly(2026, 11, 7));
        p.CloseContest();
        Should.Throw<WorkflowConflictException>(() => p.Freeze(2, "s", Now)).Reason.ShouldContain("2 件");
        p.Freeze(0, "s", Now);
        Should.Throw<WorkflowConflictException>(() => p.Recomputed("{}", Now));
    }

    [Fact]
    public void A_score_appeal_needs_a_reason_and_evidence_and_is_ruled_once()
    {
        var e = Should.Throw<DomainValidationException>(() => new ScoreAppeal(1, 2, "s:1", "督办单", "", null, null, null, null, "head", Now));
        e.Errors.Keys.ShouldBe(["reason", "evidence"], ignoreOrder: true);
        var a = new ScoreAppeal(1, 2, "s:1", "督办单", "不属本单位职责", "区划调整文件", null, null, null, "head", Now);
        Should.Throw<DomainValidationException>(() => a.Rule(true, " ", "office", Now)).Errors.Keys.ShouldContain("ruling");
        a.Rule(true, "属实，予以核减", "office", Now);
        a.Status.ShouldBe(ScoreAppealStatus.Upheld);
        Should.Throw<WorkflowConflictException>(() => a.Rule(false, "再审", "office", Now));
    }

    [Fact]
    public void Force_majeure_checks_its_dates()
    {
        var e = Should.Throw<DomainValidationException>(() => new ForceMajeure(1, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 1), [], "暴雨", "s", Now));
        e.Errors.Keys.ShouldContain("to");
        var f = new ForceMajeure(1, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 3), [5, 3, 5], "暴雨", "s", Now);
        f.ToPeriod().Covers(3, new DateOnly(2026, 10, 2)).ShouldBeTrue();
        f.ToPeriod().Covers(4, new DateOnly(2026, 10, 2)).ShouldBeFalse();
    }
}
