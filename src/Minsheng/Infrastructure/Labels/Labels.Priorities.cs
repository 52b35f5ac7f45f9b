namespace Minsheng.Infrastructure;

public static partial class Labels
{
    public static string PriorityStatus(Domain.Priorities.PriorityStatus s) =>
        s == Domain.Priorities.PriorityStatus.Completed ? "已办结" : "推进中";
}
