namespace Platform.Domain.Common;

/// <summary>A broken business rule, with a stable, documented error code such as <c>tickets.invalid_transition</c>.</summary>
public class DomainException : Exception
{
    public DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.Conflict, string? field = null)
        : base(message)
    {
        Code = code;
        Kind = kind;
        Field = field;
    }

    public DomainException()
        : this("domain.rule_violated", "A business rule was violated.")
    {
    }

    public DomainException(string message)
        : this("domain.rule_violated", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain.rule_violated";
    }

    public string Code { get; }

    public DomainErrorKind Kind { get; }

    /// <summary>For <see cref="DomainErrorKind.Invalid"/>: the input field at fault (snake_case), if any.</summary>
    public string? Field { get; }
}
