using Minsheng.Features.Appeals;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>Stand-in until the hot-topic detector is on this branch: says that no topics are available, invents none.</summary>
public sealed class DetectorReportTopics : IReportTopics
{
    public Task<TopicSection> FindAsync(AppealScope scope, DateTimeOffset from, DateTimeOffset to, DateTimeOffset previousFrom, CancellationToken ct) =>
        Task.FromResult(new TopicSection(false, "热点问题识别尚未接入，本期不列热点。", []));
}
