using Minsheng.Features.Public;

namespace Minsheng.TestSupport.Answers;

// The public portal's answers and the publicity desk's, as the tests read them.

/// <summary>POST /api/public/appeals: what the citizen must keep.</summary>
public sealed record ReceiptAnswer(string Number, string QueryCode);

public sealed record PublicRatingAnswer(CitizenRatingValue Rating, string RatingLabel, string? Comment);

/// <summary>GET /api/public/appeals/{number}?code=: what the citizen holding the code sees.</summary>
public sealed record TrackingAnswer(string Number, string Title, string Status, string? Unit, string? Reply, bool MayRate, PublicRatingAnswer? Rating);

/// <summary>GET /api/appeals/{id}/rating: the rating as staff see it.</summary>
public sealed record StaffRatingAnswer(long AppealId, CitizenRatingValue Rating, string RatingLabel, string? Comment);

public sealed record PublicationCandidateAnswer(long AppealId, string Number, string Title);

public sealed record CasePreviewAnswer(long AppealId, string Number, string Title, string Content, string Reply);

/// <summary>A published case, as the publicity desk creates it and the public reads it.</summary>
public sealed record PublicCaseAnswer(long Id, string Title, string Content, string Reply, string? Unit);

public sealed record PublicCaseSummaryAnswer(long Id, string Title);

public sealed record UnitStatsAnswer(string Name, string Kind, int Received, int Closed, int OnTime, int Due, double? OnTimeRate,
    int Satisfied, int Reached, double? SatisfactionRate);

/// <summary>GET /api/public/stats.</summary>
public sealed record PublicStatsAnswer(int Days, UnitStatsAnswer Total, IReadOnlyList<UnitStatsAnswer> Units)
{
    public UnitStatsAnswer Unit(string name) => Units.Single(u => u.Name == name);
}

public sealed record PortalFaceAnswer(string Name, string Hotline);

public sealed record PortalCountyAnswer(long Id, string Code, string Name);

/// <summary>GET /api/public/jurisdictions: the portal's face and the counties one may file with.</summary>
public sealed record PortalChoicesAnswer(PortalFaceAnswer Portal, IReadOnlyList<PortalCountyAnswer> Counties);

public sealed record PublicUnitAnswer(long Id, string Code, string Name, string Kind);

public sealed record PortalSettingsAnswer(long UnitId, string Code, PortalFaceAnswer Shown);

/// <summary>A row of the publicity desk's list of published cases.</summary>
public sealed record PublishedCaseRowAnswer(long Id, long AppealId, string Number, string Title);
