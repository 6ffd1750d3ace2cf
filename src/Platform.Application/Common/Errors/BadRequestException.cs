namespace Platform.Application.Common.Errors;

/// <summary>
/// An input refused by a rule that a validator cannot judge, because it needs I/O or state (such as where a URL's
/// host resolves to): 400 with the rule's own code instead of <c>validation.failed</c>, so clients can tell it apart.
/// </summary>
public sealed class BadRequestException(string code, string message) : AppException(ErrorKind.Validation, code, message);
