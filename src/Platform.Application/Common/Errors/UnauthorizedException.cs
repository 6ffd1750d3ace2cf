namespace Platform.Application.Common.Errors;

public sealed class UnauthorizedException(string code, string message) : AppException(ErrorKind.Unauthorized, code, message);
