namespace Minsheng.Infrastructure;

/// <summary>
/// A change outside the caller's jurisdiction, such as a county's admin editing a setting every county shares.
/// Answered as 403 with the message, on the API and on the pages alike.
/// </summary>
public sealed class OutOfScopeException(string message) : Exception(message);
