using FluentValidation;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and reports all failures together as one 400 <c>validation.failed</c>.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (request is IIdempotentCommand { IdempotencyKey: { } key } && !IdempotencyKeyRules.IsValid(key))
        {
            errors["idempotency_key"] = [$"The Idempotency-Key header must be 1 to {IdempotencyKeyRules.MaxLength} printable ASCII characters."];
        }

        var context = new ValidationContext<TRequest>(request);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            foreach (var failure in result.Errors)
            {
                // Already the wire name: ValidationNames resolves property paths to snake_case.
                var field = failure.PropertyName;
                if (!errors.TryGetValue(field, out var list))
                {
                    errors[field] = list = [];
                }

                if (!list.Contains(failure.ErrorMessage, StringComparer.Ordinal))
                {
                    list.Add(failure.ErrorMessage);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return await next();
    }
}
