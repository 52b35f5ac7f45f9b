using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals.Actions;

/// <summary>
/// Every workflow action, one descriptor each (declared by group in Intake.cs, UnitWork.cs, DeskReview.cs and
/// Closure.cs). The API maps one endpoint per descriptor, the appeal page renders one form per descriptor, and
/// <see cref="Infrastructure.Labels.Action"/> reads the timeline names from here.
/// </summary>
public static partial class WorkflowActions
{
    // Built on first use: the descriptors are static fields of this class spread over several files, whose
    // initialisation order C# does not define, but all of them are set before any member is read.
    private static IReadOnlyList<WorkflowAction>? all;
    private static Dictionary<string, WorkflowAction>? bySlug;
    private static Dictionary<AppealAction, WorkflowAction>? byAction;

    /// <summary>In the order the appeal page lists them.</summary>
    public static IReadOnlyList<WorkflowAction> All => all ??=
    [
        DirectAnswer, Dispatch, Claim, Contact, Return, AcceptReturn, RejectReturn, Extension, ApproveExtension, RejectExtension,
        Contribute, Reply, ApproveReply, RejectReply, Callback, Redo, Close, Merge, Invalidate, Reopen, Escalate, HandDown,
    ];

    public static WorkflowAction? Find(string? slug) =>
        slug is not null && (bySlug ??= All.ToDictionary(a => a.Slug)).TryGetValue(slug, out var a) ? a : null;

    /// <summary>The descriptor that records a workflow action (the three callback outcomes share one), or null for Register.</summary>
    public static WorkflowAction? Recording(AppealAction action) =>
        (byAction ??= All.SelectMany(a => a.Records.Keys.Select(k => (k, a))).ToDictionary(x => x.k, x => x.a)).GetValueOrDefault(action);
}
