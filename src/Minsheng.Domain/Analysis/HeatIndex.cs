namespace Minsheng.Domain.Analysis;

/// <summary>
/// The heat index: a sum of five parts, each logarithmic so that one factor (a post with 2,000 likes, a user who
/// posts thirty times) cannot buy the top of the list alone. Distinct people weigh most because a topic is hot when
/// many people raise it; volume counts appeals after folding one person's repeated posts; support is likes /
/// "我也遇到"; persistence rewards problems that keep coming back on different days; recency decays with a 30-day
/// time constant from the period's end (<see cref="HotTopicOptions.Now"/>). The parts are stored as their
/// contributions, so they add up to the heat.
/// </summary>
public static class HeatIndex
{
    public const double Scale = 10;
    public const double VolumeWeight = 1.0;
    public const double PeopleWeight = 1.5;
    public const double SupportWeight = 0.5;
    public const double PersistenceWeight = 0.5;
    public const double RecencyWeight = 1.0;
    public const double RecencyDays = 30;

    /// <summary>One person's appeals count at most this many times in the volume.</summary>
    public const int MaxAppealsPerPerson = 3;

    /// <summary>The formula as the product page shows it; kept in step with <see cref="Compute"/> by a test.</summary>
    public const string HeatFormula =
        "热度 = 10 ×［1.0×ln(1+诉求件数) + 1.5×ln(1+反映人数) + 0.5×ln(1+点赞支持数) + 0.5×ln(1+持续天数) + 1.0×e^(−距今天数/30)］；" +
        "诉求件数中同一人重复提交的相同诉求只计一次、同一人至多计 3 件，持续天数为有诉求的不同日期数，距今天数为最后一条诉求距统计截止时间的天数。";

    public static HeatParts Compute(int volume, int people, int supporters, int activeDays, double daysSinceLast)
    {
        var age = Math.Max(0, daysSinceLast);
        return new HeatParts(
            Volume: Scale * VolumeWeight * Math.Log(1 + Math.Max(0, volume)),
            People: Scale * PeopleWeight * Math.Log(1 + Math.Max(0, people)),
            Support: Scale * SupportWeight * Math.Log(1 + Math.Max(0, supporters)),
            Recency: Scale * RecencyWeight * Math.Exp(-age / RecencyDays),
            Persistence: Scale * PersistenceWeight * Math.Log(1 + Math.Max(0, activeDays)));
    }

    public static double Total(HeatParts p) => Math.Round(p.Volume + p.People + p.Support + p.Recency + p.Persistence, 2);
}
