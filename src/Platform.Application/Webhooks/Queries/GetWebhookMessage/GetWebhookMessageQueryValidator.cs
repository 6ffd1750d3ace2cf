using FluentValidation;

namespace Platform.Application.Webhooks.Queries.GetWebhookMessage;

internal sealed class GetWebhookMessageQueryValidator : AbstractValidator<GetWebhookMessageQuery>
{
    public GetWebhookMessageQueryValidator()
    {
        RuleFor(x => x.MessageId).NotEmpty();
    }
}
