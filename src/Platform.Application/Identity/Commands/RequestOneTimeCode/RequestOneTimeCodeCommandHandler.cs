using System.Globalization;
using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Email;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Emails;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RequestOneTimeCode;

/// <summary>
/// The code and its mail are written in one transaction: the mail goes out only if the code was stored, and the new
/// code replaces the old one, so only the latest mailed code works.
/// </summary>
internal sealed class RequestOneTimeCodeCommandHandler(
    IPlatformDbContext db,
    IOneTimeCodes codes,
    IEmailQueue queue,
    IdentityEmails emails,
    TimeProvider timeProvider) : IRequestHandler<RequestOneTimeCodeCommand, OneTimeCodeAcceptedDto>
{
    public async Task<OneTimeCodeAcceptedDto> Handle(RequestOneTimeCodeCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.DisabledAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || await db.EmailSuppressions.AnyAsync(s => s.Email == normalized, cancellationToken))
        {
            return OneTimeCodeAcceptedDto.Instance;
        }

        var now = timeProvider.GetUtcNowMicros();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await codes.ReplaceAsync(user.Id, code, now, now + OneTimeCodeRules.Lifetime, cancellationToken);
        await queue.EnqueueAsync(
            new EmailDraft(IdentityEmails.OneTimeCode, user.Email, emails.OneTimeCodeMail(user.DisplayName, code, OneTimeCodeRules.Lifetime)),
            cancellationToken);
        return OneTimeCodeAcceptedDto.Instance;
    }
}
