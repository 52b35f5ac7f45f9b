using Minsheng.Features.Appeals;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// Where a report's hot topics come from. The report asks for the topics of its period and of the period before,
/// over the appeals its jurisdiction sees; a topic is new when nothing like it was found before and rising when it
/// grew. Implemented over the hot-topic detector; the stored topics of the 热点问题 pages can take its place.
/// </summary>
public interface IReportTopics
{
    Task<TopicSection> FindAsync(AppealScope scope, DateTimeOffset from, DateTimeOffset to, DateTimeOffset previousFrom, CancellationToken ct);
}
