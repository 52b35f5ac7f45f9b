using Minsheng.Domain;

namespace Minsheng.Features.Analysis.Priorities;

internal static class FieldCheck
{
    /// <summary>
    /// Builds a domain object and throws one validation error holding both <paramref name="errors"/> (the use case's own
    /// checks) and the constructor's, so a form learns every wrong field at once.
    /// </summary>
    public static T Collect<T>(FieldErrors errors, Func<T> create)
    {
        T? created = default;
        try
        {
            created = create();
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) errors.Add(field, message);
        }
        errors.ThrowIfAny();
        return created!;
    }
}
