using Minsheng.Features.Analysis.Reports;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Demo;

/// <summary>
/// The demo county's weekly report of last week, computed from the seeded appeals and issued, so that a leader who
/// signs in to `serve --demo` finds one on /reports and in the inbox. Hot topics appear as the topic source finds them.
/// </summary>
public sealed class DemoReports(ReportDesk desk, CurrentUser me, TimeProvider clock)
{
    public async Task SeedAsync(long countyId, TextWriter output, CancellationToken ct)
    {
        me.ActAs("demo");
        var week = IsoWeeks.Of(Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()).AddDays(-7));
        var report = await desk.DraftAsync(ReportKind.Weekly, countyId, IsoWeeks.Period(week), week, null, null, null, [], ct);
        await desk.IssueDraftAsync(report, ct);
        output.WriteLine($"演示周报：{report.Title}（{IsoWeeks.Describe(week)}）已签发，领导可在“报告”页查看。");
    }
}
