namespace Minsheng.Features.Monitor;

/// <summary>Bound from the "Monitor" section.</summary>
public sealed class MonitorOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 60;
    public int BatchSize { get; set; } = 500;
    /// <summary>Failed hand-offs of one notification before it is parked (no longer retried).</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;
    /// <summary>Wait before the first retry of a failed hand-off; each further failure doubles it (at most a day).</summary>
    public int DeliveryRetrySeconds { get; set; } = 60;
}

public sealed record MonitorReport(int AppealsChecked, int NotificationsCreated, int LeadsRaised);
