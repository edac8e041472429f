from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100, unique=True)


class Article(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="articles")
    claimed = models.BooleanField(default=False)
