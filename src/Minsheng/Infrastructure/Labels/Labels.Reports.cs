using Minsheng.Features.Analysis.Reports;

namespace Minsheng.Infrastructure;

public static partial class Labels
{
    public static string ReportKind(ReportKind k) => k == Features.Analysis.Reports.ReportKind.Special ? "专报" : "周报";

    public static string ReportStatus(ReportStatus s) => s == Features.Analysis.Reports.ReportStatus.Issued ? "已签发" : "草稿";
}
