namespace Minsheng.Domain;

/// <summary>Input that breaks a domain rule; answered as 400 with every offending field named.</summary>
public sealed class DomainValidationException : Exception
{
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public DomainValidationException(string field, string message) : base(message) =>
        Errors = new Dictionary<string, string[]> { [field] = [message] };

    public DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("；", errors.SelectMany(e => e.Value))) => Errors = errors;
}

/// <summary>Collects field errors so a request learns about all of them at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public FieldErrors Text(string field, string? value, string label, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{label}不能为空。");
        }
        else if (value.Trim().Length > max) Add(field, $"{label}不能超过 {max} 个字。");
        // No text column can hold a NUL (PostgreSQL refuses it outright), and no person types one.
        else if (value.Contains('\0')) Add(field, $"{label}含有无效字符。");
        return this;
    }

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any) throw new DomainValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
