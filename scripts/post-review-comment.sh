#!/usr/bin/env bash
# Posts the review report on a pull request, or updates the comment that already holds it: one comment per pull
# request, found by the marker on the report's first line among the comments of the workflow's own account.
#
# Usage: scripts/post-review-comment.sh <pull request number> <report file>
# Needs: the gh CLI, GH_TOKEN and GITHUB_REPOSITORY (set in GitHub Actions). REVIEW_COMMENT_AUTHOR names the account
# that writes the comment (default github-actions[bot], the author of comments made with the workflow's token).
set -euo pipefail

pr="${1:?pull request number}"
body="${2:?report file}"
author="${REVIEW_COMMENT_AUTHOR:-github-actions[bot]}"
marker='<!-- lightwave-infrastructure-review -->'

if [ "$(head -n 1 "$body")" != "$marker" ]; then
  echo "$body does not start with $marker: not a review report" >&2
  exit 2
fi

existing="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
  --jq ".[] | select(.user.login == \"$author\" and (.body | startswith(\"$marker\"))) | .id" | head -n 1)"

if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$body" > /dev/null
  echo "updated review comment $existing on #$pr"
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$body" > /dev/null
  echo "posted the review comment on #$pr"
fi
