namespace Minsheng.Domain.Appeals;

/// <summary>Where an appeal came in. Kept on the appeal for analysis and cross-channel linking.</summary>
public enum Channel
{
    Hotline12345,
    MessageBoard,
    PublicPortal,
    Mailbox,
    ConductHotline,
    Petition,
    DoorToDoorVisit,
    ServiceHall,
    Other,
}

/// <summary>性质 of an appeal.</summary>
public enum AppealType
{
    Complaint,
    Help,
    Consultation,
    Suggestion,
    Report,
    Praise,
    Other,
}

/// <summary>Priority tier; decides which time-limit policy applies.</summary>
public enum Tier
{
    Urgent,        // 特别办
    Timely,        // 及时办
    Coordinated,   // 协调办
    HighLevel,     // 高位办
}

public enum CallbackOutcome
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
    NotReached,
}
