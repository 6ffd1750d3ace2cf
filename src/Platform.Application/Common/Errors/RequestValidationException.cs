namespace Platform.Application.Common.Errors;

/// <summary>One or more inputs are invalid: 400 <c>validation.failed</c> with messages per snake_case field.</summary>
public sealed class RequestValidationException : AppException
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(ErrorKind.Validation, ErrorCodes.ValidationFailed, "One or more fields are invalid.")
    {
        Errors = errors;
    }

    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
