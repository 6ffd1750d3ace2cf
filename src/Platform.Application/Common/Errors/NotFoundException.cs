namespace Platform.Application.Common.Errors;

public sealed class NotFoundException(string code, string message) : AppException(ErrorKind.NotFound, code, message);
