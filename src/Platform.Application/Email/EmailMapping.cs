using Mapster;
using Platform.Domain.Email;

namespace Platform.Application.Email;

internal sealed class EmailMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<EmailMessage, EmailMessageDto>()
            .Map(d => d.NextAttemptAt, s => s.Status == EmailMessageStatus.Pending ? s.NextAttemptAt : (DateTimeOffset?)null);
        config.NewConfig<EmailSuppression, EmailSuppressionDto>()
            .Map(d => d.Email, s => s.Email.ToLower());
        config.NewConfig<EmailEvent, EmailEventDto>()
            .Map(d => d.Recipient, s => s.Recipient.ToLower());
    }
}
