using Minsheng.Domain.Analysis;

namespace Minsheng.Domain.Tests.Analysis;

public class HeatIndexTests
{
    [Fact]
    public void Parts_follow_the_written_formula()
    {
        var p = HeatIndex.Compute(volume: 5, people: 4, supporters: 20, activeDays: 3, daysSinceLast: 15);
        p.Volume.ShouldBe(10 * 1.0 * Math.Log(6), 1e-9);
        p.People.ShouldBe(10 * 1.5 * Math.Log(5), 1e-9);
        p.Support.ShouldBe(10 * 0.5 * Math.Log(21), 1e-9);
        p.Persistence.ShouldBe(10 * 0.5 * Math.Log(4), 1e-9);
        p.Recency.ShouldBe(10 * 1.0 * Math.Exp(-0.5), 1e-9);
        HeatIndex.Total(p).ShouldBe(Math.Round(p.Volume + p.People + p.Support + p.Persistence + p.Recency, 2));
    }

    [Fact]
    public void The_formula_text_shows_every_weight_and_part()
    {
        foreach (var s in new[] { "10", "1.0×ln(1+诉求件数)", "1.5×ln(1+反映人数)", "0.5×ln(1+点赞支持数)", "0.5×ln(1+持续天数)", "1.0×e^(−距今天数/30)", "至多计 3 件" })
            HotTopicDetector.HeatFormula.ShouldContain(s);
        HotTopicDetector.HeatFormula.ShouldBe(HeatIndex.HeatFormula);
    }

    [Fact]
    public void More_people_beat_more_posts_by_one_person()
    {
        var manyPeople = HeatIndex.Total(HeatIndex.Compute(5, 5, 0, 5, 0));
        var onePerson = HeatIndex.Total(HeatIndex.Compute(3, 1, 0, 5, 0));
        manyPeople.ShouldBeGreaterThan(onePerson);
    }

    [Fact]
    public void A_future_last_appeal_does_not_raise_recency_above_its_weight()
    {
        HeatIndex.Compute(1, 1, 0, 1, daysSinceLast: -3).Recency.ShouldBe(HeatIndex.Scale * HeatIndex.RecencyWeight);
    }
}
