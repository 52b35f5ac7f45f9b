namespace Minsheng.Domain.Appeals;

/// <summary>
/// The one way an action fails because of the appeal's state: the table has no row for
/// (status, action), or a guard of that row does not hold. Answered as HTTP 409.
/// </summary>
public sealed class IllegalTransitionException(AppealStatus status, AppealAction action, string? reason = null)
    : Exception(reason ?? $"Action {action} is not allowed in status {status}.")
{
    public AppealStatus Status { get; } = status;
    public AppealAction Action { get; } = action;
    public string? Reason { get; } = reason;
}

/// <summary>The actor's role or unit may not take this action on this appeal. Answered as HTTP 403.</summary>
public sealed class ActionForbiddenException(AppealAction action, string message) : Exception(message)
{
    public AppealAction Action { get; } = action;
}
