using Minsheng.Domain.Notifications;

namespace Minsheng.TestSupport.Answers;

// Answers the desk and unit pages' tests arrange with or check: messages, the access log, the signed-in account.

/// <summary>GET /api/notifications: one message.</summary>
public sealed record NotificationAnswer(long Id, NotificationKind Kind, long? AppealId, string Title, string Body, bool Read);

/// <summary>GET /api/access-log: one logged look at a complainant.</summary>
public sealed record AccessAnswer(long Id, string Username, long AppealId, string Reason);

/// <summary>POST /api/knowledge: the article as stored.</summary>
public sealed record KnowledgeArticleAnswer(long Id, string Title, string Content);
