global using KnowledgeEngine.Rete;
