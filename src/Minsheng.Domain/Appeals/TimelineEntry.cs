using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Appeals;

/// <summary>One step of an appeal's life. Public entries appear on the citizen's tracking page (without comments).</summary>
public sealed class TimelineEntry
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public Role? ActorRole { get; private set; }
    public long? ActorUnitId { get; private set; }
    public AppealAction Action { get; private set; }
    public AppealStatus? FromStatus { get; private set; }
    public AppealStatus ToStatus { get; private set; }
    public string? Comment { get; private set; }
    public bool IsPublic { get; private set; }

    private TimelineEntry() { }

    internal TimelineEntry(Actor actor, DateTimeOffset at, AppealAction action, AppealStatus? from, AppealStatus to, string? comment, bool isPublic)
    {
        At = at;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        ActorUnitId = actor.UnitId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Comment = comment;
        IsPublic = isPublic;
    }
}
