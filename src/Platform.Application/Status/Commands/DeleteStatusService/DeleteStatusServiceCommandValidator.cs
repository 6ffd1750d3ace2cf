using FluentValidation;

namespace Platform.Application.Status.Commands.DeleteStatusService;

internal sealed class DeleteStatusServiceCommandValidator : AbstractValidator<DeleteStatusServiceCommand>
{
    public DeleteStatusServiceCommandValidator()
    {
        RuleFor(x => x.ServiceId).NotEmpty();
    }
}
