namespace Minsheng.Tests.Analysis.HotTopics;

public sealed record TopicAnswer(long Id, int Rank, string Title, string GeneratedTitle, string[] KeyPhrases, string[] Places,
    DateTimeOffset First, DateTimeOffset Last, int Appeals, int People, int Supporters, int PreviousAppeals, string Trend, int[] Daily,
    bool Pinned, bool Dismissed, bool Reshaped, double Heat);

public sealed record TopicListAnswer(long JurisdictionId, string Jurisdiction, int Days, DateTimeOffset? ComputedAt, int Documents, string HeatFormula,
    TopicAnswer[] Topics, TopicAnswer[] Dismissed, int UnattachedEdits, bool MayEdit);

public sealed record TopicAppealAnswer(long Id, string Number, string Title);

public sealed record TopicEditAnswer(long Id, string Kind, bool Attached, string CreatedBy);

public sealed record TopicDetailAnswer(TopicAnswer Topic, long JurisdictionId, int Days, TopicAppealAnswer[] Appeals, TopicEditAnswer[] Edits, bool MayEdit);

public sealed record RecomputeAnswer(long JurisdictionId, string Jurisdiction, RecomputedAnswer[] Periods);

public sealed record RecomputedAnswer(int Days, int Documents, int Topics);

public sealed record SupportAnswer(long CaseId, int Supporters, bool Supported, string Outcome, string Message);
