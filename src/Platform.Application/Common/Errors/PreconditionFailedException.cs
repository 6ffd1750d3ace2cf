namespace Platform.Application.Common.Errors;

public sealed class PreconditionFailedException()
    : AppException(ErrorKind.PreconditionFailed, ErrorCodes.PreconditionFailed, "The resource has changed since you read it (If-Match did not match).");
