namespace Platform.Application.Common.Errors;

/// <summary>An expected failure with a stable error code (see docs/errors.md). Never used for control flow in endpoints.</summary>
public class AppException : Exception
{
    public AppException(ErrorKind kind, string code, string message)
        : base(message)
    {
        Kind = kind;
        Code = code;
    }

    public AppException()
        : this(ErrorKind.Conflict, "conflict", "The request conflicts with the current state.")
    {
    }

    public AppException(string message)
        : this(ErrorKind.Conflict, "conflict", message)
    {
    }

    public AppException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ErrorKind.Conflict;
        Code = "conflict";
    }

    public ErrorKind Kind { get; }

    public string Code { get; }
}
