using Complaints.Domain.Common;

namespace Complaints.Domain.Tests.Identity;

internal static class IdentityAssert
{
    public static void FailsWith<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"expected {code}");
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("第七条", result.Error.Article);
        Assert.Null(result.Error.Field);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", result.Error.Message);
    }
}
