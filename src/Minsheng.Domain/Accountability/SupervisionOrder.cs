using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Accountability;

public enum SupervisionKind
{
    SupervisionOrder,  // 督办单
    AssignmentLetter,  // 交办函
}

/// <summary>A supervisor's or leader's order on one appeal: an instruction (批示) and their own deadline.</summary>
public sealed class SupervisionOrder
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public SupervisionKind Kind { get; private set; }
    public string Instruction { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public Role IssuerRole { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private SupervisionOrder() { }

    public SupervisionOrder(long appealId, SupervisionKind kind, string? instruction, DateTimeOffset? dueAt, string issuedBy, Role issuerRole, DateTimeOffset now)
    {
        var errors = new FieldErrors().Text("instruction", instruction, "批示内容", 1000);
        if (!Enum.IsDefined(kind)) errors.Add("kind", "督办类型无效。");
        if (dueAt is null) errors.Add("dueAt", "请填写督办期限。");
        else if (dueAt <= now) errors.Add("dueAt", "督办期限应晚于当前时间。");
        if (issuerRole is not (Role.Supervisor or Role.Leader))
            throw new DomainValidationException("role", "只有督查人员或领导可以下发督办单。");
        errors.ThrowIfAny();
        AppealId = appealId;
        Kind = kind;
        Instruction = instruction!.Trim();
        DueAt = dueAt!.Value;
        IssuedBy = issuedBy;
        IssuerRole = issuerRole;
        CreatedAt = now;
    }
}
