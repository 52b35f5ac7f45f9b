using Minsheng.Domain.Assessment;
using Minsheng.Domain.Organization;
using Shouldly;

namespace Minsheng.Domain.Tests.Assessment;

public class ScoringTests
{
    private static readonly DateTimeOffset Mid = new(2026, 10, 15, 2, 0, 0, TimeSpan.Zero);

    private static AssessmentScheme Scheme(int minSample = 10) => AssessmentScheme.Default with
    {
        Weights = new Dictionary<Metric, double> { [Metric.Satisfaction] = 60, [Metric.ReturnRate] = 40 },
        MinSample = minSample,
    };

    private static UnitInput Unit(long id, Ratio satisfaction, Ratio returns, params ScoreItem[] items) =>
        new(id, $"单位{id}", new UnitMeasures(id, satisfaction.Denominator,
            new Dictionary<Metric, Ratio> { [Metric.Satisfaction] = satisfaction, [Metric.ReturnRate] = returns }, 0, 0), items);

    private static UnitGroup Group(params long[] ids) => new("部门", ids);

    [Fact]
    public void Rate_part_weights_rates_and_scores_lower_is_better_as_one_minus_rate()
    {
        var s = Scoring.One(Scheme(), "部门", Unit(1, new Ratio(18, 20), new Ratio(2, 20)), Exemptions.None);
        // 100 × (60 × 0.9 + 40 × (1 − 0.1)) / 100
        s.RatePart.ShouldBe(90);
        s.Score.ShouldBe(90);
    }

    [Fact]
    public void A_rate_below_the_minimum_sample_is_not_scored_and_the_others_are_rescaled()
    {
        var s = Scoring.One(Scheme(minSample: 10), "部门", Unit(1, new Ratio(4, 5), new Ratio(1, 20)), Exemptions.None);
        s.Rates.Single(r => r.Metric == Metric.Satisfaction).Scored.ShouldBeFalse();
        // Only 退单率 counts, carrying the full 100: 1 − 0.05.
        s.RatePart.ShouldBe(95);
    }

    [Fact]
    public void A_unit_with_no_rate_reaching_the_minimum_is_listed_but_not_ranked()
    {
        var scores = Scoring.Compute(Scheme(), [Group(1, 2)], [Unit(1, new Ratio(4, 4), new Ratio(0, 4)), Unit(2, new Ratio(15, 20), new Ratio(0, 20))], Exemptions.None);
        var small = scores.Single(s => s.UnitId == 1);
        small.Ranked.ShouldBeFalse();
        small.Rank.ShouldBeNull();
        scores.Single(s => s.UnitId == 2).Rank.ShouldBe(1);
        scores.Last().UnitId.ShouldBe(1, "unranked units come last");
    }

    [Fact]
    public void Deductions_and_capped_bonuses_apply_to_the_rate_part()
    {
        var items = new[]
        {
            new ScoreItem(ScoreItem.SupervisionKey(1), ItemKind.SupervisionOrder, null, 10, "督办单", Mid),
            new ScoreItem(ScoreItem.LeadKey(2), ItemKind.ConfirmedLead, null, 11, "问责线索", Mid),
            new ScoreItem(ScoreItem.PraiseKey(12), ItemKind.Praise, null, 12, "表扬", Mid),
        };
        var scheme = Scheme() with { PerSupervisionOrder = 1, PerConfirmedLead = 2, PerPraise = 3, BonusCap = 2 };
        var s = Scoring.One(scheme, "部门", Unit(1, new Ratio(20, 20), new Ratio(0, 20), items), Exemptions.None);
        s.Deductions.ShouldBe(3);
        s.Bonus.ShouldBe(2, "the bonus is capped");
        s.Score.ShouldBe(99);
    }

    [Fact]
    public void An_upheld_appeal_takes_its_item_out_of_the_ratio()
    {
        var miss = new ScoreItem(ScoreItem.MetricKey(Metric.Satisfaction, 77), ItemKind.MetricMiss, Metric.Satisfaction, 77, "不满意", Mid);
        var unit = Unit(1, new Ratio(9, 10), new Ratio(0, 10), miss);
        var before = Scoring.One(Scheme(), "部门", unit, Exemptions.None);
        var upheld = new Exemptions(new HashSet<(long, string)> { (1, miss.Key) }, []);
        var after = Scoring.One(Scheme(), "部门", unit, upheld);

        var sat = after.Rates.Single(r => r.Metric == Metric.Satisfaction);
        sat.Counted.ShouldBe(new Ratio(9, 9));
        sat.Exempted.ShouldBe(1);
        after.Score!.Value.ShouldBeGreaterThan(before.Score!.Value);
        after.Items.Single().Exempt.ShouldBe(ExemptReason.UpheldAppeal);
        before.Items.Single().Points.ShouldBeLessThan(0, "the item shows what it cost");
    }

    [Fact]
    public void Exempting_a_lower_is_better_item_removes_it_from_numerator_and_denominator()
    {
        var ret = new ScoreItem(ScoreItem.MetricKey(Metric.ReturnRate, 5), ItemKind.MetricMiss, Metric.ReturnRate, 5, "退单", Mid, InNumerator: true);
        var upheld = new Exemptions(new HashSet<(long, string)> { (1, ret.Key) }, []);
        var s = Scoring.One(Scheme(), "部门", Unit(1, new Ratio(10, 10), new Ratio(2, 10), ret), upheld);
        s.Rates.Single(r => r.Metric == Metric.ReturnRate).Counted.ShouldBe(new Ratio(1, 9));
    }

    [Fact]
    public void Force_majeure_exempts_items_in_its_period_for_its_units_only()
    {
        var inside = new ScoreItem(ScoreItem.SupervisionKey(1), ItemKind.SupervisionOrder, null, 1, "督办单", Mid);
        var outside = new ScoreItem(ScoreItem.SupervisionKey(2), ItemKind.SupervisionOrder, null, 2, "督办单", Mid.AddDays(10));
        var fm = new Exemptions(new HashSet<(long, string)>(), [new ForceMajeurePeriod(new DateOnly(2026, 10, 14), new DateOnly(2026, 10, 16), [1])]);
        var a = Scoring.One(Scheme(), "部门", Unit(1, new Ratio(10, 10), new Ratio(0, 10), inside, outside), fm);
        a.Deductions.ShouldBe(1);
        a.Items.Single(i => i.Item.Key == inside.Key).Exempt.ShouldBe(ExemptReason.ForceMajeure);
        var b = Scoring.One(Scheme(), "部门", Unit(2, new Ratio(10, 10), new Ratio(0, 10), inside), fm);
        b.Deductions.ShouldBe(1, "another unit is not covered");
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_groups_rank_separately()
    {
        var scores = Scoring.Compute(Scheme(), [new UnitGroup("部门", [1, 2, 3]), new UnitGroup("乡镇（街道）", [4])],
        [
            Unit(1, new Ratio(18, 20), new Ratio(0, 20)), Unit(2, new Ratio(20, 20), new Ratio(0, 20)),
            Unit(3, new Ratio(18, 20), new Ratio(0, 20)), Unit(4, new Ratio(10, 20), new Ratio(0, 20)),
        ], Exemptions.None);
        scores.Single(s => s.UnitId == 2).Rank.ShouldBe(1);
        scores.Single(s => s.UnitId == 1).Rank.ShouldBe(2);
        scores.Single(s => s.UnitId == 3).Rank.ShouldBe(2);
        scores.Single(s => s.UnitId == 4).Rank.ShouldBe(1, "alone in its group");
        scores.Single(s => s.UnitId == 4).Group.ShouldBe("乡镇（街道）");
    }

    [Fact]
    public void Default_groups_follow_unit_kind_and_put_companies_apart()
    {
        var groups = UnitGroups.Defaults([new(1, "县住建局", UnitKind.Department), new(2, "城关镇", UnitKind.Township),
            new(3, "县供电公司", UnitKind.Department), new(4, "东村", UnitKind.Village)]);
        groups.Single(g => g.Name == UnitGroups.Departments).UnitIds.ShouldBe([1]);
        groups.Single(g => g.Name == UnitGroups.Townships).UnitIds.ShouldBe([2]);
        groups.Single(g => g.Name == UnitGroups.Companies).UnitIds.ShouldBe([3]);
        groups.SelectMany(g => g.UnitIds).ShouldNotContain(4);
    }

    [Fact]
    public void A_scheme_names_each_wrong_field_and_survives_json()
    {
        var bad = AssessmentScheme.Default with { MinSample = 0, Weights = new Dictionary<Metric, double> { [Metric.Satisfaction] = -1 },
            Groups = [new UnitGroup("甲", [1]), new UnitGroup("乙", [1])] };
        var e = Should.Throw<DomainValidationException>(() => bad.Validated());
        e.Errors.Keys.ShouldContain("minSample");
        e.Errors.Keys.ShouldContain("weights.Satisfaction");
        e.Errors.Keys.ShouldContain("groups");
        var back = AssessmentScheme.FromJson(AssessmentScheme.Default.ToJson());
        back.Weights[Metric.Satisfaction].ShouldBe(AssessmentScheme.Default.Weights[Metric.Satisfaction]);
        back.MinSample.ShouldBe(AssessmentScheme.Default.MinSample);
    }
}
