namespace Platform.Application.Common.Errors;

public sealed class ConflictException(string code, string message) : AppException(ErrorKind.Conflict, code, message);
