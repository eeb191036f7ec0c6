from dataclasses import replace

from generators.ingest.cleaning import clean


def test_the_central_question_is_the_headline_most_like_the_others_and_a_repeated_one_votes_once():
    from generators.reconcile.overview import central_question
    titles = ["Two men charged in death of teen singer", "Two men charged in death of teen singer",
              "Protesters fill Cairo square", "Cairo protesters defy curfew in square", "Army deploys as protesters rally"]
    articles = [clean(f"{i}.txt", {"title": t, "published": "2024-05-01"}, "Text of the article. More text.")
                for i, t in enumerate(titles)]
    assert central_question(articles) == "Protesters fill Cairo square"


def test_the_story_is_never_named_by_a_question_or_an_opinion_piece():
    from generators.reconcile.overview import central_question
    pages = [("Can the protesters in Cairo square topple the army?", ""),
             ("Opinion: protesters in Cairo square will win", ""),
             ("Protesters in Cairo square win over the army", "https://example.org/commentisfree/2011/feb/01/cairo"),
             ("Army deploys as protesters rally in Cairo", "")]
    articles = [clean(f"{i}.txt", {"title": t, "url": url, "published": "2011-02-01"}, "Text. More text.")
                for i, (t, url) in enumerate(pages)]
    assert central_question(articles) == "Army deploys as protesters rally in Cairo"
    assert central_question(articles[:1]) == pages[0][0]  # a question is better than no name at all


def test_a_pictures_caption_never_names_the_story():
    """"A supporter of the president expresses his devotion." is a photo's caption that a page put first: short
    and made of the story's commonest words, it was the headline most like the others."""
    from generators.extract import extract_article
    from generators.extract.dates import Reference
    from generators.reconcile import reconcile
    titles = ["A supporter of President Ana Ruiz expresses his devotion.",
              "Supporters of President Ana Ruiz rallied in the capital on Friday as the crisis deepened.",
              "Thousands of protesters demanded that President Ana Ruiz resign after the vote."]
    articles = [clean(f"{i}.txt", {"title": t, "published": "2024-05-01"}, f"{t}\n\nPresident Ana Ruiz spoke.")
                for i, t in enumerate(titles)]
    extractions = [extract_article(a, Reference(2024, 5, 1)) for a in articles]
    assert [x.title_is_caption for x in extractions] == [True, False, False]
    assert reconcile(articles, extractions).question in titles[1:]
    assert reconcile(articles, [replace(x, title_is_caption=False) for x in extractions]).question == titles[0], \
        "the caption would win without the check"


def test_the_overview_tells_the_story_as_it_stands_from_its_latest_articles():
    from collections import Counter

    from generators.extract import content_words
    from generators.reconcile.overview import summarise
    themes = ["Protesters marched through the capital calling on the president to resign after the disputed vote.",
              "Police fired tear gas and rubber bullets at crowds near parliament, wounding dozens of students.",
              "Neighbouring governments urged calm and offered mediation between the ruling party and opposition."]
    texts = [(f"2024-05-0{1 + i % 3}", themes[i % 3]) for i in range(18)]
    texts += [("2024-05-20", "The president resigned on Sunday and handed power to an interim council of judges.")] * 3
    articles = [clean(f"{i}.txt", {"published": day}, text + "\n\nMore text follows here.")
                for i, (day, text) in enumerate(texts)]
    frequency = Counter(w for a in articles for w in content_words(" ".join(s.text for s in a.sentences)))
    summary = summarise(articles, frequency)
    assert len(summary) == 3 and "resigned" in summary[-1].quote
    assert not any("resigned" in p.quote for p in summarise(articles[:18], frequency))


def test_without_headlines_a_whole_lead_names_the_story_before_one_cut_short():
    from generators.reconcile.overview import central_question
    titles = ["Protesters in Cairo square and the army…",
              "Protesters rally in Cairo square", "Army deploys in the capital"]
    articles = [clean(f"{i}.txt", {"title": t, "published": "2011-02-01"}, "Text of the article. More text.")
                for i, t in enumerate(titles)]
    assert central_question(articles) == "Protesters rally in Cairo square"


def test_a_shows_rundown_never_names_the_story():
    from generators.extract import extract_article
    from generators.extract.dates import Reference
    from generators.reconcile import reconcile
    show = ("President Ana Ruiz Faces Protests; Interview With Ana Ruiz Aired May 1, 2024 - 18:00 ET THIS IS A "
            "RUSH TRANSCRIPT.\n\nJANE ROE, WXYZ ANCHOR: Protesters want President Ana Ruiz to resign.\n\n"
            "KARL OSTRANDER, PROTESTER: President Ana Ruiz must resign and we will stay until she does.\n\n"
            "ROE: Thank you.\n\nOSTRANDER: President Ana Ruiz cannot survive this week, I think.\n")
    articles = [clean("0.md", {"published": "2024-05-01"}, show),
                *(clean(f"{i}.txt", {"title": t, "published": "2024-05-01"}, f"{t}\n\nPresident Ana Ruiz spoke.")
                  for i, t in enumerate(["Thousands demand that President Ana Ruiz resign after the vote",
                                         "Ana Ruiz rejects calls to resign as protests grow"], 1))]
    assert articles[0].title == "President Ana Ruiz Faces Protests; Interview With Ana Ruiz"
    story = reconcile(articles, [extract_article(a, Reference(2024, 5, 1)) for a in articles])
    assert story.question != articles[0].title
