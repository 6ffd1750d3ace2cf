namespace Platform.Application.Common.Errors;

public sealed class ForbiddenException(string code, string message) : AppException(ErrorKind.Forbidden, code, message);
