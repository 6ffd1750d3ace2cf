namespace Platform.Application.Identity;

/// <summary>
/// The payload of <c>identity.account_mail_requested</c>: which mail (<see cref="AccountMailKinds"/>), for which
/// address, and for an email change the account that asked. The request only writes this row, whether or not an
/// account uses the address, so its answer and its time reveal nothing; the outbox handler decides what to send.
/// </summary>
public sealed record AccountMailRequestDto(string Kind, string Email, Guid? UserId = null);
