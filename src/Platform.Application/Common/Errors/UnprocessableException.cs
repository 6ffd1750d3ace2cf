namespace Platform.Application.Common.Errors;

public sealed class UnprocessableException(string code, string message) : AppException(ErrorKind.Unprocessable, code, message);
