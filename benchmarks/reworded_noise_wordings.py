"""Noise wordings for benchmarks/reworded_noise.py, written fresh as an imagined other site would word them.

Nothing here is copied from the shared corpora or from newsclean/rules/*.toml. Each class has 3+ wordings
per language (en, de, fr, es, it, nl, pt, pl); a wording is a list of lines. Placeholders filled by the
generator: {name} a person, {n} a small count, {year} a year, {site} an invented site name.
"""

from __future__ import annotations

LANGS = ("en", "de", "fr", "es", "it", "nl", "pt", "pl")

COOKIE: dict[str, list[list[str]]] = {
    "en": [
        ["This website stores small files on your device so that it can remember your choices and measure traffic.",
         "Allow all", "Only necessary", "Settings"],
        ["Your privacy matters to us", "We and our 143 partners process personal data such as your IP address to "
         "show tailored content and measure its reach.", "I agree", "Customise"],
        ["By staying on {site} you accept that we place trackers for statistics and advertising.", "OK, got it"],
    ],
    "de": [
        ["Diese Website legt kleine Dateien auf Ihrem Gerät ab, damit sie Ihre Auswahl speichern und Besuche zählen kann.",
         "Alle zulassen", "Nur notwendige", "Einstellungen"],
        ["Ihre Privatsphäre ist uns wichtig", "Wir und unsere 143 Partner verarbeiten Daten wie Ihre IP-Adresse, um "
         "passende Inhalte zu zeigen und deren Reichweite zu messen.", "Einverstanden", "Anpassen"],
        ["Wenn Sie {site} weiter nutzen, stimmen Sie dem Einsatz von Trackern für Statistik und Werbung zu.", "Verstanden"],
    ],
    "fr": [
        ["Ce site enregistre de petits fichiers sur votre appareil pour retenir vos choix et mesurer son audience.",
         "Tout autoriser", "Uniquement le nécessaire", "Paramètres"],
        ["Votre vie privée compte pour nous", "Nos 143 partenaires et nous-mêmes traitons des données comme votre "
         "adresse IP pour afficher des contenus adaptés.", "J'accepte", "Personnaliser"],
        ["En restant sur {site}, vous acceptez le dépôt de traceurs à des fins de statistiques et de publicité.",
         "D'accord"],
    ],
    "es": [
        ["Este sitio guarda pequeños archivos en su dispositivo para recordar sus preferencias y medir el tráfico.",
         "Permitir todo", "Solo necesarias", "Configuración"],
        ["Su privacidad nos importa", "Nosotros y nuestros 143 socios tratamos datos como su dirección IP para "
         "mostrar contenido adaptado.", "Acepto", "Personalizar"],
        ["Si sigue navegando en {site}, acepta el uso de rastreadores con fines estadísticos y publicitarios.",
         "Entendido"],
    ],
    "it": [
        ["Questo sito salva piccoli file sul tuo dispositivo per ricordare le tue scelte e misurare il traffico.",
         "Consenti tutto", "Solo necessari", "Impostazioni"],
        ["La tua privacy è importante per noi", "Noi e i nostri 143 partner trattiamo dati come il tuo indirizzo IP "
         "per mostrarti contenuti su misura.", "Accetto", "Personalizza"],
        ["Continuando a navigare su {site} accetti l'uso di tracciatori per statistiche e pubblicità.", "Ho capito"],
    ],
    "nl": [
        ["Deze website bewaart kleine bestanden op je apparaat om je keuzes te onthouden en bezoeken te meten.",
         "Alles toestaan", "Alleen noodzakelijke", "Instellingen"],
        ["Jouw privacy is belangrijk voor ons", "Wij en onze 143 partners verwerken gegevens zoals je IP-adres om "
         "passende inhoud te tonen.", "Akkoord", "Aanpassen"],
        ["Als je {site} blijft gebruiken, ga je akkoord met trackers voor statistiek en advertenties.", "Begrepen"],
    ],
    "pt": [
        ["Este site guarda pequenos arquivos no seu dispositivo para lembrar suas escolhas e medir o tráfego.",
         "Permitir tudo", "Somente necessários", "Configurações"],
        ["Sua privacidade é importante para nós", "Nós e nossos 143 parceiros tratamos dados como seu endereço IP "
         "para exibir conteúdo personalizado.", "Concordo", "Personalizar"],
        ["Ao continuar em {site}, você aceita o uso de rastreadores para estatísticas e publicidade.", "Entendi"],
    ],
    "pl": [
        ["Ta strona zapisuje małe pliki na Twoim urządzeniu, aby zapamiętać Twoje wybory i mierzyć ruch.",
         "Zezwól na wszystkie", "Tylko niezbędne", "Ustawienia"],
        ["Twoja prywatność jest dla nas ważna", "My i nasi 143 partnerzy przetwarzamy dane, takie jak Twój adres IP, "
         "aby pokazywać dopasowane treści.", "Zgadzam się", "Dostosuj"],
        ["Pozostając na {site}, zgadzasz się na użycie narzędzi śledzących do statystyk i reklam.", "Rozumiem"],
    ],
}

NEWSLETTER: dict[str, list[list[str]]] = {
    "en": [
        ["The Morning Memo", "Five stories you should not miss, in your inbox before breakfast.", "Your email",
         "Count me in"],
        ["Want more like this? Get our weekly digest every Friday — free.", "Subscribe"],
        ["Stay ahead of the news", "Join {n}000 readers who get our briefing every weekday.", "Sign me up",
         "We respect your inbox. Opt out whenever you like."],
    ],
    "de": [
        ["Das Morgen-Briefing", "Fünf Geschichten, die Sie nicht verpassen sollten, vor dem Frühstück im Postfach.",
         "Ihre E-Mail", "Jetzt eintragen"],
        ["Mehr davon? Holen Sie sich jeden Freitag unseren Wochenrückblick — kostenlos.", "Abonnieren"],
        ["Immer einen Schritt voraus", "Schließen Sie sich {n}000 Leserinnen und Lesern an, die unser Briefing "
         "werktags erhalten.", "Anmelden", "Abbestellen ist jederzeit möglich."],
    ],
    "fr": [
        ["Le Mémo du matin", "Cinq articles à ne pas manquer, dans votre boîte avant le petit-déjeuner.",
         "Votre e-mail", "Je m'inscris"],
        ["Envie d'en lire plus ? Recevez notre sélection chaque vendredi, gratuitement.", "S'abonner"],
        ["Une longueur d'avance", "Rejoignez {n}000 lecteurs qui reçoivent notre briefing chaque jour de semaine.",
         "Inscrivez-moi", "Désinscription possible à tout moment."],
    ],
    "es": [
        ["El Memo de la mañana", "Cinco historias que no debe perderse, en su correo antes del desayuno.",
         "Su correo", "Quiero recibirlo"],
        ["¿Quiere más? Reciba nuestro resumen semanal cada viernes, gratis.", "Suscribirse"],
        ["Adelántese a la actualidad", "Únase a {n}000 lectores que reciben nuestro boletín cada día laborable.",
         "Apuntarme", "Puede darse de baja cuando quiera."],
    ],
    "it": [
        ["Il Memo del mattino", "Cinque storie da non perdere, nella tua casella prima di colazione.", "La tua email",
         "Iscrivimi"],
        ["Vuoi leggerne altre? Ricevi il nostro riepilogo ogni venerdì, gratis.", "Abbonati"],
        ["Un passo avanti", "Unisciti a {n}000 lettori che ricevono il nostro briefing ogni giorno feriale.",
         "Registrati", "Puoi cancellarti in qualsiasi momento."],
    ],
    "nl": [
        ["De Ochtendmemo", "Vijf verhalen die je niet mag missen, in je inbox voor het ontbijt.", "Je e-mailadres",
         "Ik doe mee"],
        ["Meer van dit? Ontvang elke vrijdag ons weekoverzicht, gratis.", "Aanmelden"],
        ["Blijf voorop", "Sluit je aan bij {n}000 lezers die elke werkdag onze briefing krijgen.", "Schrijf me in",
         "Afmelden kan altijd."],
    ],
    "pt": [
        ["O Memo da manhã", "Cinco histórias que você não pode perder, no seu e-mail antes do café.", "Seu e-mail",
         "Quero receber"],
        ["Quer mais? Receba nosso resumo semanal toda sexta-feira, grátis.", "Assinar"],
        ["Fique à frente", "Junte-se a {n}000 leitores que recebem nosso boletim todo dia útil.", "Cadastrar",
         "Cancele quando quiser."],
    ],
    "pl": [
        ["Poranny Memo", "Pięć tekstów, których nie możesz przegapić, w skrzynce przed śniadaniem.", "Twój e-mail",
         "Zapisuję się"],
        ["Chcesz więcej? Otrzymuj nasze podsumowanie w każdy piątek — za darmo.", "Subskrybuj"],
        ["Bądź krok przed innymi", "Dołącz do {n}000 czytelników, którzy dostają nasz przegląd w każdy dzień roboczy.",
         "Zapisz mnie", "Możesz zrezygnować w dowolnej chwili."],
    ],
}

SHARE: dict[str, list[list[str]]] = {
    "en": [["Share this story", "Facebook", "X", "WhatsApp", "Email", "Copy link"],
           ["Listen to this article · 6 min", "Print", "Save", "Gift article"],
           ["Send", "Tweet", "Pin", "Mail", "Print this page"]],
    "de": [["Artikel teilen", "Facebook", "X", "WhatsApp", "E-Mail", "Link kopieren"],
           ["Artikel anhören · 6 Min.", "Drucken", "Merken", "Verschenken"],
           ["Senden", "Twittern", "Pinnen", "Mailen", "Seite drucken"]],
    "fr": [["Partager l'article", "Facebook", "X", "WhatsApp", "E-mail", "Copier le lien"],
           ["Écouter cet article · 6 min", "Imprimer", "Sauvegarder", "Offrir"],
           ["Envoyer", "Tweeter", "Épingler", "Courriel", "Imprimer la page"]],
    "es": [["Compartir la noticia", "Facebook", "X", "WhatsApp", "Correo", "Copiar enlace"],
           ["Escuchar este artículo · 6 min", "Imprimir", "Guardar", "Regalar"],
           ["Enviar", "Tuitear", "Fijar", "Mail", "Imprimir página"]],
    "it": [["Condividi l'articolo", "Facebook", "X", "WhatsApp", "Email", "Copia link"],
           ["Ascolta l'articolo · 6 min", "Stampa", "Salva", "Regala"],
           ["Invia", "Twitta", "Pinna", "Mail", "Stampa pagina"]],
    "nl": [["Deel dit verhaal", "Facebook", "X", "WhatsApp", "E-mail", "Kopieer link"],
           ["Luister naar dit artikel · 6 min", "Afdrukken", "Bewaren", "Cadeau doen"],
           ["Verstuur", "Tweet", "Pin", "Mail", "Print pagina"]],
    "pt": [["Compartilhe esta matéria", "Facebook", "X", "WhatsApp", "E-mail", "Copiar link"],
           ["Ouça este artigo · 6 min", "Imprimir", "Salvar", "Presentear"],
           ["Enviar", "Tuitar", "Fixar", "Mail", "Imprimir página"]],
    "pl": [["Udostępnij artykuł", "Facebook", "X", "WhatsApp", "E-mail", "Kopiuj link"],
           ["Posłuchaj artykułu · 6 min", "Drukuj", "Zapisz", "Podaruj"],
           ["Wyślij", "Tweetnij", "Przypnij", "Mail", "Drukuj stronę"]],
}

# Related boxes: a heading, then 4-8 teasers drawn from the language's invented headlines.
RELATED_HEADINGS: dict[str, list[str]] = {
    "en": ["More from {site}", "You may have missed", "Editors' picks", "Trending now"],
    "de": ["Mehr von {site}", "Auch interessant", "Empfehlungen der Redaktion", "Meistgelesen"],
    "fr": ["Plus de {site}", "À lire également", "Le choix de la rédaction", "Les plus lus"],
    "es": ["Más de {site}", "Le puede interesar", "Selección de la redacción", "Lo más leído"],
    "it": ["Altro da {site}", "Potrebbe interessarti", "Scelti dalla redazione", "I più letti"],
    "nl": ["Meer van {site}", "Ook interessant", "Keuze van de redactie", "Meest gelezen"],
    "pt": ["Mais de {site}", "Você pode gostar", "Escolhas da redação", "Mais lidas"],
    "pl": ["Więcej z {site}", "Może cię zainteresować", "Wybór redakcji", "Najczęściej czytane"],
}
TEASERS: dict[str, list[str]] = {
    "en": ["Harbour town votes to keep its last ferry running", "Why bakers are swapping wheat for rye this winter",
           "Retired teacher finishes 40-year quilt project", "City council delays tram extension again",
           "Five walking routes for a rainy weekend", "Startup promises cheaper heat pumps by spring",
           "Local choir wins regional title after decade of trying", "What the new parking rules mean for you",
           "Owl rescued from chimney returns to the wild"],
    "de": ["Hafenstadt stimmt für den Erhalt ihrer letzten Fähre", "Warum Bäcker in diesem Winter auf Roggen setzen",
           "Pensionierte Lehrerin vollendet Quilt nach 40 Jahren", "Stadtrat verschiebt Straßenbahnausbau erneut",
           "Fünf Wanderwege für ein verregnetes Wochenende", "Start-up verspricht günstigere Wärmepumpen",
           "Chor aus dem Ort holt nach zehn Jahren den Titel", "Was die neuen Parkregeln für Sie bedeuten",
           "Aus Kamin gerettete Eule wieder in Freiheit"],
    "fr": ["Le port vote pour garder son dernier ferry", "Pourquoi les boulangers passent au seigle cet hiver",
           "Une institutrice retraitée achève un patchwork de 40 ans", "Le conseil reporte encore l'extension du tram",
           "Cinq balades pour un week-end pluvieux", "Une jeune pousse promet des pompes à chaleur moins chères",
           "La chorale locale décroche enfin le titre régional", "Ce que changent les nouvelles règles de stationnement",
           "Sauvée d'une cheminée, la chouette retrouve la nature"],
    "es": ["El pueblo costero vota por mantener su último ferri", "Por qué los panaderos cambian el trigo por centeno",
           "Una maestra jubilada termina una colcha de 40 años", "El ayuntamiento vuelve a aplazar el tranvía",
           "Cinco rutas a pie para un fin de semana lluvioso", "Una startup promete bombas de calor más baratas",
           "El coro local gana el título regional tras una década", "Qué significan las nuevas normas de aparcamiento",
           "El búho rescatado de una chimenea vuelve a volar"],
    "it": ["Il paese di mare vota per salvare l'ultimo traghetto", "Perché i fornai passano alla segale quest'inverno",
           "Maestra in pensione finisce una trapunta dopo 40 anni", "Il consiglio rinvia ancora il tram",
           "Cinque passeggiate per un weekend di pioggia", "Una startup promette pompe di calore più economiche",
           "Il coro locale vince il titolo regionale", "Cosa cambia con le nuove regole sui parcheggi",
           "Il gufo salvato dal camino torna libero"],
    "nl": ["Havenstad stemt voor behoud van laatste veerpont", "Waarom bakkers deze winter overstappen op rogge",
           "Gepensioneerde juf voltooit quilt na 40 jaar", "Gemeenteraad stelt tramlijn opnieuw uit",
           "Vijf wandelroutes voor een regenachtig weekend", "Start-up belooft goedkopere warmtepompen",
           "Plaatselijk koor wint eindelijk de regiotitel", "Wat de nieuwe parkeerregels voor jou betekenen",
           "Uit schoorsteen geredde uil weer vrij"],
    "pt": ["Cidade portuária vota para manter a última balsa", "Por que padeiros trocam o trigo pelo centeio",
           "Professora aposentada termina colcha de 40 anos", "Câmara adia de novo a extensão do bonde",
           "Cinco trilhas para um fim de semana chuvoso", "Startup promete bombas de calor mais baratas",
           "Coral local conquista título regional", "O que as novas regras de estacionamento mudam para você",
           "Coruja resgatada de chaminé volta à natureza"],
    "pl": ["Miasto portowe głosuje za utrzymaniem ostatniego promu", "Dlaczego piekarze tej zimy wybierają żyto",
           "Emerytowana nauczycielka kończy kołdrę po 40 latach", "Rada miasta znów odkłada budowę tramwaju",
           "Pięć tras spacerowych na deszczowy weekend", "Start-up obiecuje tańsze pompy ciepła",
           "Miejscowy chór wreszcie zdobywa tytuł", "Co oznaczają nowe zasady parkowania",
           "Sowa uratowana z komina wraca na wolność"],
}

# Comment sections: a heading, then comments of name / time / text / reply / likes.
COMMENT_WORDS: dict[str, dict[str, list[str]]] = {
    "en": {"head": ["{n} comments", "Join the conversation", "Reader comments ({n})"],
           "time": ["{n} hours ago", "{n} min ago", "yesterday at 9:{n}5 pm"], "reply": ["Reply", "Respond"],
           "likes": ["{n} likes", "▲ {n}", "{n} people found this helpful"],
           "text": ["Finally someone says it.", "I don't buy this at all, the numbers were different last year.",
                    "Great piece, thanks.", "Who is going to pay for all of that?"]},
    "de": {"head": ["{n} Kommentare", "Diskutieren Sie mit", "Leserkommentare ({n})"],
           "time": ["vor {n} Stunden", "vor {n} Min.", "gestern, 21:{n}5 Uhr"], "reply": ["Antworten", "Erwidern"],
           "likes": ["{n} gefällt das", "▲ {n}", "{n} Personen fanden das hilfreich"],
           "text": ["Endlich sagt es mal jemand.", "Das glaube ich nicht, letztes Jahr waren die Zahlen anders.",
                    "Toller Beitrag, danke.", "Wer soll das alles bezahlen?"]},
    "fr": {"head": ["{n} commentaires", "Participez au débat", "Réactions des lecteurs ({n})"],
           "time": ["il y a {n} heures", "il y a {n} min", "hier à 21h{n}5"], "reply": ["Répondre", "Réagir"],
           "likes": ["{n} j'aime", "▲ {n}", "{n} personnes ont trouvé cela utile"],
           "text": ["Enfin quelqu'un le dit.", "Je n'y crois pas, les chiffres étaient différents l'an dernier.",
                    "Excellent article, merci.", "Qui va payer tout ça ?"]},
    "es": {"head": ["{n} comentarios", "Únase a la conversación", "Comentarios de lectores ({n})"],
           "time": ["hace {n} horas", "hace {n} min", "ayer a las 21:{n}5"], "reply": ["Responder", "Contestar"],
           "likes": ["{n} me gusta", "▲ {n}", "A {n} personas les resultó útil"],
           "text": ["Por fin alguien lo dice.", "No me lo creo, el año pasado las cifras eran otras.",
                    "Gran artículo, gracias.", "¿Quién va a pagar todo eso?"]},
    "it": {"head": ["{n} commenti", "Partecipa alla discussione", "Commenti dei lettori ({n})"],
           "time": ["{n} ore fa", "{n} min fa", "ieri alle 21:{n}5"], "reply": ["Rispondi", "Replica"],
           "likes": ["{n} mi piace", "▲ {n}", "{n} persone l'hanno trovato utile"],
           "text": ["Finalmente qualcuno lo dice.", "Non ci credo, l'anno scorso i numeri erano diversi.",
                    "Ottimo pezzo, grazie.", "Chi pagherà tutto questo?"]},
    "nl": {"head": ["{n} reacties", "Praat mee", "Reacties van lezers ({n})"],
           "time": ["{n} uur geleden", "{n} min geleden", "gisteren om 21:{n}5"], "reply": ["Reageer", "Antwoord"],
           "likes": ["{n} vind-ik-leuks", "▲ {n}", "{n} mensen vonden dit nuttig"],
           "text": ["Eindelijk zegt iemand het.", "Ik geloof er niets van, vorig jaar waren de cijfers anders.",
                    "Mooi stuk, bedankt.", "Wie gaat dat allemaal betalen?"]},
    "pt": {"head": ["{n} comentários", "Participe da conversa", "Comentários dos leitores ({n})"],
           "time": ["há {n} horas", "há {n} min", "ontem às 21:{n}5"], "reply": ["Responder", "Comentar"],
           "likes": ["{n} curtidas", "▲ {n}", "{n} pessoas acharam útil"],
           "text": ["Finalmente alguém falou.", "Não acredito, no ano passado os números eram outros.",
                    "Ótima matéria, obrigado.", "Quem vai pagar tudo isso?"]},
    "pl": {"head": ["{n} komentarzy", "Dołącz do dyskusji", "Komentarze czytelników ({n})"],
           "time": ["{n} godz. temu", "{n} min temu", "wczoraj o 21:{n}5"], "reply": ["Odpowiedz", "Skomentuj"],
           "likes": ["{n} polubień", "▲ {n}", "{n} osób uznało to za pomocne"],
           "text": ["Wreszcie ktoś to mówi.", "Nie wierzę, w zeszłym roku liczby były inne.",
                    "Świetny tekst, dzięki.", "Kto za to wszystko zapłaci?"]},
}

BIO: dict[str, list[list[str]]] = {
    "en": [["About the author", "{name} has reported on energy and climate for {site} since 2015. Before that she "
            "covered city hall in Leeds.", "Follow {name} on Mastodon"],
           ["{name} is our chief economics correspondent. Tips and corrections: reach out any time."],
           ["{name}", "Senior writer", "{name} writes about transport, housing and the quirks of local government.",
            "View all articles"]],
    "de": [["Über die Autorin", "{name} berichtet seit 2015 für {site} über Energie und Klima. Davor war sie "
            "Lokalreporterin in Kassel.", "{name} auf Mastodon folgen"],
           ["{name} ist unser Wirtschaftskorrespondent. Hinweise und Korrekturen nimmt er jederzeit gerne an."],
           ["{name}", "Redakteur", "{name} schreibt über Verkehr, Wohnen und die Eigenheiten der Kommunalpolitik.",
            "Alle Artikel ansehen"]],
    "fr": [["À propos de l'autrice", "{name} couvre l'énergie et le climat pour {site} depuis 2015. Auparavant, "
            "elle suivait la mairie de Lille.", "Suivre {name} sur Mastodon"],
           ["{name} est notre correspondant économie. Une info, une correction ? Écrivez-lui."],
           ["{name}", "Journaliste", "{name} écrit sur les transports, le logement et les bizarreries de la vie "
            "municipale.", "Voir tous ses articles"]],
    "es": [["Sobre la autora", "{name} cubre energía y clima para {site} desde 2015. Antes seguía la "
            "actualidad municipal en Bilbao.", "Sigue a {name} en Mastodon"],
           ["{name} es nuestro corresponsal de economía. ¿Pistas o correcciones? Escríbale cuando quiera."],
           ["{name}", "Redactor", "{name} escribe sobre transporte, vivienda y las rarezas de la política local.",
            "Ver todos sus artículos"]],
    "it": [["L'autrice", "{name} segue energia e clima per {site} dal 2015. Prima si occupava di cronaca "
            "cittadina a Bologna.", "Segui {name} su Mastodon"],
           ["{name} è il nostro corrispondente economico. Segnalazioni e correzioni sono sempre benvenute."],
           ["{name}", "Giornalista", "{name} scrive di trasporti, casa e stranezze della politica locale.",
            "Tutti i suoi articoli"]],
    "nl": [["Over de auteur", "{name} schrijft sinds 2015 voor {site} over energie en klimaat. Daarvoor volgde "
            "ze de gemeenteraad van Zwolle.", "Volg {name} op Mastodon"],
           ["{name} is onze economiecorrespondent. Tips en correcties zijn altijd welkom."],
           ["{name}", "Verslaggever", "{name} schrijft over vervoer, wonen en de eigenaardigheden van de lokale "
            "politiek.", "Bekijk alle artikelen"]],
    "pt": [["Sobre a autora", "{name} cobre energia e clima para {site} desde 2015. Antes, acompanhava a "
            "câmara municipal de Campinas.", "Siga {name} no Mastodon"],
           ["{name} é nosso correspondente de economia. Dicas e correções são sempre bem-vindas."],
           ["{name}", "Repórter", "{name} escreve sobre transporte, moradia e as esquisitices da política local.",
            "Ver todas as matérias"]],
    "pl": [["O autorce", "{name} od 2015 roku pisze dla {site} o energii i klimacie. Wcześniej relacjonowała "
            "obrady rady miasta w Toruniu.", "Obserwuj {name} na Mastodonie"],
           ["{name} jest naszym korespondentem ekonomicznym. Wskazówki i poprawki zawsze mile widziane."],
           ["{name}", "Dziennikarz", "{name} pisze o transporcie, mieszkaniach i dziwactwach polityki lokalnej.",
            "Zobacz wszystkie artykuły"]],
}

LEGAL: dict[str, list[list[str]]] = {
    "en": [["© {year} {site} Media Ltd. Registered in England, company no. 0481{n}22.", "Terms", "Privacy",
            "Accessibility", "Contact us"],
           ["Copyright {year} {site}. Reproduction without written permission is prohibited."],
           ["{site} is a trading name of Northgate Publishing plc · Terms of service · Privacy notice · "
            "Manage consent"]],
    "de": [["© {year} {site} Verlag GmbH. Amtsgericht Köln HRB 481{n}2.", "AGB", "Datenschutz", "Barrierefreiheit",
            "Kontakt"],
           ["Copyright {year} {site}. Vervielfältigung nur mit schriftlicher Genehmigung."],
           ["{site} ist ein Angebot der Nordtor Medien AG · Nutzungsbedingungen · Datenschutzhinweise · "
            "Einwilligung verwalten"]],
    "fr": [["© {year} {site} Médias SAS. RCS Nantes 481 {n}22.", "CGU", "Confidentialité", "Accessibilité",
            "Nous contacter"],
           ["Copyright {year} {site}. Toute reproduction sans autorisation écrite est interdite."],
           ["{site} est édité par Porte Nord Publications · Conditions d'utilisation · Politique de confidentialité · "
            "Gérer le consentement"]],
    "es": [["© {year} {site} Medios S.L. Registro Mercantil de Sevilla, hoja 481{n}2.", "Términos", "Privacidad",
            "Accesibilidad", "Contacto"],
           ["Copyright {year} {site}. Prohibida su reproducción sin permiso por escrito."],
           ["{site} es una publicación de Puerta Norte Ediciones · Condiciones de uso · Aviso de privacidad · "
            "Gestionar consentimiento"]],
    "it": [["© {year} {site} Editore S.r.l. P.IVA 0481{n}220012.", "Termini", "Privacy", "Accessibilità",
            "Contatti"],
           ["Copyright {year} {site}. Vietata la riproduzione senza autorizzazione scritta."],
           ["{site} è una testata di Porta Nord Edizioni · Condizioni d'uso · Informativa privacy · "
            "Gestisci consenso"]],
    "nl": [["© {year} {site} Media B.V. KvK 481{n}22.", "Voorwaarden", "Privacy", "Toegankelijkheid", "Contact"],
           ["Copyright {year} {site}. Overnemen zonder schriftelijke toestemming is niet toegestaan."],
           ["{site} is een uitgave van Noordpoort Uitgevers · Gebruiksvoorwaarden · Privacyverklaring · "
            "Toestemming beheren"]],
    "pt": [["© {year} {site} Mídia Ltda. CNPJ 48.1{n}2.220/0001-10.", "Termos", "Privacidade", "Acessibilidade",
            "Fale conosco"],
           ["Copyright {year} {site}. Proibida a reprodução sem autorização por escrito."],
           ["{site} é uma publicação da Porta Norte Editora · Termos de uso · Aviso de privacidade · "
            "Gerenciar consentimento"]],
    "pl": [["© {year} {site} Media Sp. z o.o. KRS 0000481{n}22.", "Regulamin", "Prywatność", "Dostępność",
            "Kontakt"],
           ["Copyright {year} {site}. Kopiowanie bez pisemnej zgody zabronione."],
           ["{site} jest wydawany przez Północna Brama Media · Warunki korzystania · Polityka prywatności · "
            "Zarządzaj zgodami"]],
}

NAV: dict[str, list[list[str]]] = {
    "en": [["Home", "World", "Business", "Tech", "Science", "Sport", "Culture", "Opinion"],
           ["Menu", "Search", "Log in", "Local", "Weather", "Video", "Podcasts"],
           ["News", "Markets", "Travel", "Food", "Style", "Puzzles"]],
    "de": [["Startseite", "Welt", "Wirtschaft", "Digital", "Wissen", "Sport", "Kultur", "Meinung"],
           ["Menü", "Suche", "Anmelden", "Region", "Wetter", "Video", "Podcasts"],
           ["Nachrichten", "Börse", "Reise", "Genuss", "Stil", "Rätsel"]],
    "fr": [["Accueil", "Monde", "Économie", "Tech", "Sciences", "Sport", "Culture", "Opinions"],
           ["Menu", "Rechercher", "Connexion", "Région", "Météo", "Vidéo", "Podcasts"],
           ["Actualité", "Bourse", "Voyage", "Cuisine", "Mode", "Jeux"]],
    "es": [["Portada", "Mundo", "Economía", "Tecnología", "Ciencia", "Deportes", "Cultura", "Opinión"],
           ["Menú", "Buscar", "Entrar", "Local", "Tiempo", "Vídeo", "Pódcast"],
           ["Noticias", "Mercados", "Viajes", "Gastronomía", "Estilo", "Pasatiempos"]],
    "it": [["Home", "Mondo", "Economia", "Tecnologia", "Scienza", "Sport", "Cultura", "Opinioni"],
           ["Menu", "Cerca", "Accedi", "Locale", "Meteo", "Video", "Podcast"],
           ["Notizie", "Mercati", "Viaggi", "Cucina", "Stile", "Giochi"]],
    "nl": [["Home", "Wereld", "Economie", "Tech", "Wetenschap", "Sport", "Cultuur", "Opinie"],
           ["Menu", "Zoeken", "Inloggen", "Regio", "Weer", "Video", "Podcasts"],
           ["Nieuws", "Beurs", "Reizen", "Eten", "Stijl", "Puzzels"]],
    "pt": [["Início", "Mundo", "Economia", "Tecnologia", "Ciência", "Esportes", "Cultura", "Opinião"],
           ["Menu", "Buscar", "Entrar", "Região", "Tempo", "Vídeo", "Podcasts"],
           ["Notícias", "Mercados", "Viagem", "Comida", "Estilo", "Passatempos"]],
    "pl": [["Strona główna", "Świat", "Biznes", "Technologie", "Nauka", "Sport", "Kultura", "Opinie"],
           ["Menu", "Szukaj", "Zaloguj", "Region", "Pogoda", "Wideo", "Podcasty"],
           ["Wiadomości", "Giełda", "Podróże", "Jedzenie", "Styl", "Łamigłówki"]],
}

APP: dict[str, list[list[str]]] = {
    "en": [["Read faster in our app", "Offline reading, alerts that matter, no clutter.", "Open app"],
           ["Get the {site} app for iPhone and Android — breaking news the moment it happens."],
           ["Continue in app", "Not now"]],
    "de": [["Schneller lesen in unserer App", "Offline lesen, wichtige Eilmeldungen, kein Durcheinander.",
            "App öffnen"],
           ["Holen Sie sich die {site}-App für iPhone und Android — Eilmeldungen in dem Moment, in dem sie passieren."],
           ["In der App weiterlesen", "Nicht jetzt"]],
    "fr": [["Lisez plus vite dans notre application", "Lecture hors ligne, alertes utiles, sans encombrement.",
            "Ouvrir l'appli"],
           ["Téléchargez l'appli {site} pour iPhone et Android : l'info en direct, dès qu'elle tombe."],
           ["Continuer dans l'appli", "Plus tard"]],
    "es": [["Lea más rápido en nuestra app", "Lectura sin conexión, alertas útiles, sin distracciones.",
            "Abrir la app"],
           ["Descargue la app de {site} para iPhone y Android: la última hora al instante."],
           ["Seguir en la app", "Ahora no"]],
    "it": [["Leggi più veloce nella nostra app", "Lettura offline, notifiche utili, niente confusione.", "Apri l'app"],
           ["Scarica l'app di {site} per iPhone e Android: le ultime notizie in tempo reale."],
           ["Continua nell'app", "Non ora"]],
    "nl": [["Lees sneller in onze app", "Offline lezen, handige meldingen, geen rommel.", "Open de app"],
           ["Download de {site}-app voor iPhone en Android: breaking news op het moment zelf."],
           ["Verder in de app", "Niet nu"]],
    "pt": [["Leia mais rápido no nosso app", "Leitura offline, alertas úteis, sem bagunça.", "Abrir o app"],
           ["Baixe o app {site} para iPhone e Android: as últimas notícias na hora."],
           ["Continuar no app", "Agora não"]],
    "pl": [["Czytaj szybciej w naszej aplikacji", "Czytanie offline, ważne powiadomienia, bez bałaganu.",
            "Otwórz aplikację"],
           ["Pobierz aplikację {site} na iPhone'a i Androida — najświeższe wiadomości od razu."],
           ["Kontynuuj w aplikacji", "Nie teraz"]],
}

PHOTO: dict[str, list[str]] = {
    "en": ["Photo: {name} / Northgate Images", "Image: {name} for {site}", "(Picture credit: {name}/Agency)"],
    "de": ["Foto: {name} / Nordtor Bild", "Bild: {name} für {site}", "(Bildquelle: {name}/Agentur)"],
    "fr": ["Photo : {name} / Porte Nord Images", "Image : {name} pour {site}", "(Crédit photo : {name}/Agence)"],
    "es": ["Foto: {name} / Puerta Norte Imágenes", "Imagen: {name} para {site}", "(Crédito: {name}/Agencia)"],
    "it": ["Foto: {name} / Porta Nord Immagini", "Immagine: {name} per {site}", "(Credito foto: {name}/Agenzia)"],
    "nl": ["Foto: {name} / Noordpoort Beeld", "Beeld: {name} voor {site}", "(Fotocredit: {name}/Agentschap)"],
    "pt": ["Foto: {name} / Porta Norte Imagens", "Imagem: {name} para {site}", "(Crédito: {name}/Agência)"],
    "pl": ["Fot. {name} / Północna Brama Foto", "Zdjęcie: {name} dla {site}", "(Źródło zdjęcia: {name}/Agencja)"],
}

NAMES = ["Mara Lindqvist", "Tomasz Berg", "Inès Moreau", "Luca Ferri", "Ana Souto", "Pieter de Wit", "Rosa Klein",
         "Jonah Pike"]
SITES = ["Northgate Courier", "The Ridge Post", "Kestrel Daily", "Harbourline", "Valemont Herald"]
