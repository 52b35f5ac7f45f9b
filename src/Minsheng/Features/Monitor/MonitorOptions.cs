namespace Minsheng.Features.Monitor;

/// <summary>Bound from the "Monitor" section.</summary>
public sealed class MonitorOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 60;
    public int BatchSize { get; set; } = 500;
}

public sealed record MonitorReport(int AppealsChecked, int NotificationsCreated, int LeadsRaised);
