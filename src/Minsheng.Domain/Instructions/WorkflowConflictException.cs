namespace Minsheng.Domain.Instructions;

/// <summary>An action the current state of a bulletin or an instruction does not allow; answered as 409 with the Chinese reason.</summary>
public sealed class WorkflowConflictException(string title, string reason) : Exception(reason)
{
    public string Title { get; } = title;
    public string Reason { get; } = reason;
}
