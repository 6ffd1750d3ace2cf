namespace Platform.Application.Common.Errors;

/// <summary>The kinds of application failure; the API maps each to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    Unprocessable,
    TooManyRequests,
}
