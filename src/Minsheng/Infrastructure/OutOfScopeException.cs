namespace Minsheng.Infrastructure;

/// <summary>
/// A change outside the caller's jurisdiction, such as a county's admin editing a setting every county shares.
/// Answered as 403 with the message, on the API and on the pages alike.
/// </summary>
public sealed class OutOfScopeException(string message) : Exception(message);

/// <summary>The caller's role may not take this action at all (403 "无权执行此操作", on the API and on the pages alike).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
