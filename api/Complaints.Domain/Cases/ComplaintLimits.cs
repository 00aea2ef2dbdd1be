namespace Complaints.Domain.Cases;

/// <summary>
/// Upper bounds on free text. They are generous on purpose: they stop abuse and runaway payloads,
/// not complainants. Opaque fields may be ciphertext, hence their larger bound.
/// </summary>
public static class ComplaintLimits
{
    public const int MaxEvidence = 9;
    public const int RequestMaxLength = 2000;
    public const int FactsMaxLength = 10000;
    public const int ServiceItemNameMaxLength = 200;
    public const int ServiceItemCodeMaxLength = 64;
    public const int StaffNameMaxLength = 100;
    public const int WindowNumberMaxLength = 32;
    public const int OpaqueMaxLength = 1024;
    public const int ShortTextMaxLength = 1000;
    public const int LongTextMaxLength = 4000;
}
